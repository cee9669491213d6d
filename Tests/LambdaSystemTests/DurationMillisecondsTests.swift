import LambdaSystem
import Testing

@Suite struct DurationMillisecondsTests {
    @Test func roundsTowardZero() {
        #expect(Duration.microseconds(1999).wholeMilliseconds == 1)
        #expect(Duration.seconds(3).wholeMilliseconds == 3000)
        #expect((Duration.zero - .microseconds(1500)).wholeMilliseconds == -1)
    }
}
