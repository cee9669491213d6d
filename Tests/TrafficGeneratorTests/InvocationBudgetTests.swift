import Testing
@testable import TrafficGenerator
import Synchronization

/// The safety margin kept back from Lambda's deadline for winding down and sending the report.
@Suite struct InvocationBudgetTests {
    func margin(forTimeLeft timeLeft: Duration) -> Duration {
        InvocationBudget(timeLeft: { timeLeft }).margin
    }

    @Test func aTenthOfTheTimeBetweenHalfASecondAndFiveSeconds() {
        #expect(margin(forTimeLeft: .seconds(30)) == .seconds(3))
        #expect(margin(forTimeLeft: .seconds(900)) == .seconds(5))
        #expect(margin(forTimeLeft: .seconds(3)) == .milliseconds(500))
    }

    @Test func neverMoreThanHalfOfWhatIsLeft() {
        #expect(margin(forTimeLeft: .milliseconds(600)) == .milliseconds(300))
    }

    @Test func whatRemainsIsTheTimeLeftLessTheMargin() {
        let timeLeft = Mutex(Duration.seconds(10))
        let budget = InvocationBudget(timeLeft: { timeLeft.withLock { $0 } })
        #expect(budget.remaining == .seconds(9))
        timeLeft.withLock { $0 = .seconds(4) }  // the margin stays what the start of the invocation set
        #expect(budget.remaining == .seconds(3))
    }
}
