import LambdaSystem
import Testing

@Suite struct ExponentialBackoffTests {
    @Test func doublesFromTheBaseUpToTheCap() {
        let backoff = ExponentialBackoff(baseDelay: .milliseconds(10), maxDelay: .seconds(1))
        #expect((1...9).map { backoff.ceiling(beforeRetry: $0) }
                == [10, 20, 40, 80, 160, 320, 640, 1000, 1000].map { Duration.milliseconds($0) })
    }

    @Test func aHugeRetryCountStaysAtTheCap() {
        let backoff = ExponentialBackoff(baseDelay: .milliseconds(100), maxDelay: .seconds(20))
        #expect(backoff.ceiling(beforeRetry: 10_000) == .seconds(20))
        #expect(backoff.ceiling(beforeRetry: 0) == .milliseconds(100))
    }
}
