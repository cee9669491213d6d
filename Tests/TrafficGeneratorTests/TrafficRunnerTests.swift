import LambdaTesting
import Testing
@testable import TrafficGenerator

@Suite struct TrafficRunnerTests {
    func journeys(_ count: Int, seed: UInt64 = 1) -> [Journey] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in JourneyPlanner().plan(using: &random) }
    }

    @Test func walksEveryJourneyStepByStepInItsOwnVisit() async {
        let browser = RecordingBrowser()
        let planned = journeys(8)
        let tally = await TrafficRunner(browser: browser, maxInFlight: 3).run(planned, at: "http://site", budget: Unlimited())

        #expect(tally.journeysStarted == 8 && tally.journeysCompleted == 8)
        #expect(tally.requests == 8 * 13 && tally.failures == 0)
        #expect(browser.visits == 8)
        // Each visit sent exactly one journey's steps, in order.
        let byVisit = Dictionary(grouping: browser.sent, by: \.visit)
        let expectedTargets = Set(planned.map { $0.steps.map(\.target) })
        #expect(Set(byVisit.values.map { $0.map(\.target) }) == expectedTargets)
    }

    @Test func neverHasMoreJourneysInFlightThanAllowed() async {
        let browser = RecordingBrowser(delay: .milliseconds(2))
        let tally = await TrafficRunner(browser: browser, maxInFlight: 4).run(journeys(20), at: "http://site", budget: Unlimited())
        #expect(tally.journeysCompleted == 20)
        #expect(browser.maxInFlight == 4)
    }

    @Test func countsStatusesPerPath() async {
        let browser = RecordingBrowser { step in
            switch step.path {
            case "/FoodService/AddToCart": PetSiteAnswer(status: 200, redirected: true)
            case "/Payment": PetSiteAnswer(status: 503, redirected: false)
            default: PetSiteAnswer(status: 200, redirected: false)
            }
        }
        let tally = await TrafficRunner(browser: browser, maxInFlight: 5).run(journeys(5), at: "http://site", budget: Unlimited())

        #expect(tally.statusCounts["/"] == ["200": 10])
        #expect(tally.statusCounts["/FoodService/AddToCart"] == ["200": 15])
        #expect(tally.statusCounts["/Payment"] == ["503": 5])
        #expect(tally.statusCounts.values.flatMap(\.values).reduce(0, +) == 65)
        // An error page is a failure, but the visitor clicks on.
        #expect(tally.failures == 5 && tally.redirected == 15)
        #expect(tally.journeysCompleted == 5 && tally.requests == 65)
    }

    @Test func aStepWithoutResponseEndsItsJourneyOnly() async {
        struct Refused: Error {}
        let browser = RecordingBrowser { step in
            if step.path == "/Checkout/RemoveItem" { throw Refused() }
            return PetSiteAnswer(status: 200, redirected: false)
        }
        let tally = await TrafficRunner(browser: browser, maxInFlight: 2).run(journeys(3), at: "http://site", budget: Unlimited())

        #expect(tally.journeysStarted == 3 && tally.journeysFailed == 3 && tally.journeysCompleted == 0)
        #expect(tally.requests == 3 * 8 && tally.failures == 3)
        #expect(tally.statusCounts["/Checkout/RemoveItem"] == [TrafficTally.noResponse: 3])
        #expect(tally.statusCounts["/Checkout"] == nil)
    }

    @Test func stopsStartingJourneysWhenTheBudgetIsSpent() async {
        // One journey in flight at a time; the runner looks at the budget before starting a journey and
        // before each step: the second journey gets five steps in.
        let browser = RecordingBrowser()
        let budget = CountdownBudget(checks: 1 + 13 + 1 + 5)
        let tally = await TrafficRunner(browser: browser, maxInFlight: 1).run(journeys(10), at: "http://site", budget: budget)

        #expect(tally.journeysStarted == 2)
        #expect(tally.journeysCompleted == 1 && tally.journeysCutShort == 1)
        #expect(tally.requests == 13 + 5)
        #expect(browser.visits == 2)
    }

    @Test func aRequestCutOffByTheDeadlineIsNoSiteFailure() async {
        struct TimedOut: Error {}
        let browser = RecordingBrowser { _ in throw TimedOut() }
        // Looks: start, first step, then after the failed request: spent.
        let tally = await TrafficRunner(browser: browser, maxInFlight: 1).run(journeys(1), at: "http://site", budget: CountdownBudget(checks: 2))
        #expect(tally.journeysStarted == 1 && tally.journeysCutShort == 1 && tally.journeysFailed == 0)
        #expect(tally.requests == 0 && tally.failures == 0 && tally.statusCounts.isEmpty)
    }

    @Test func aSpentBudgetStartsNothing() async {
        let browser = RecordingBrowser()
        let tally = await TrafficRunner(browser: browser, maxInFlight: 5).run(journeys(5), at: "http://site", budget: CountdownBudget(checks: 0))
        #expect(tally == TrafficTally())
        #expect(browser.visits == 0)
    }

    @Test func mergingTalliesAddsEverything() {
        var first = TrafficTally()
        first.record(path: "/", answer: PetSiteAnswer(status: 200, redirected: false))
        first.record(.completed)
        var second = TrafficTally()
        second.record(path: "/", answer: PetSiteAnswer(status: 500, redirected: false))
        second.recordNoResponse(path: "/Payment")
        second.record(.failed)
        first.merge(second)

        #expect(first.statusCounts == ["/": ["200": 1, "500": 1], "/Payment": ["error": 1]])
        #expect(first.requests == 3 && first.failures == 2)
        #expect(first.journeysStarted == 2 && first.journeysCompleted == 1 && first.journeysFailed == 1)
    }
}
