import LambdaRuntime
import LambdaTesting
import Testing
@testable import TrafficGenerator

/// The safety margin kept back from Lambda's deadline for winding down and sending the report.
@Suite struct InvocationBudgetTests {
    func margin(forTimeout timeout: Duration) -> Duration {
        InvocationBudget(context: .test(timeout: timeout)).margin
    }

    func isAbout(_ value: Duration, _ expected: Duration) -> Bool {
        abs((value - expected) / .milliseconds(1)) < 20  // the context's clock has ticked since it was made
    }

    @Test func aTenthOfTheTimeBetweenHalfASecondAndFiveSeconds() {
        #expect(isAbout(margin(forTimeout: .seconds(30)), .seconds(3)))
        #expect(isAbout(margin(forTimeout: .seconds(900)), .seconds(5)))
        #expect(isAbout(margin(forTimeout: .seconds(3)), .milliseconds(500)))
    }

    @Test func neverMoreThanHalfOfWhatIsLeft() {
        #expect(isAbout(margin(forTimeout: .milliseconds(600)), .milliseconds(300)))
    }

    @Test func whatRemainsIsTheTimeLeftLessTheMargin() {
        let budget = InvocationBudget(context: .test(timeout: .seconds(10)))
        #expect(isAbout(budget.remaining, .seconds(9)))
    }
}
