import LambdaEvents
import LambdaRuntime

/// On each scheduled event, sends `users` simulated visitors through the pet site at once and reports
/// what the site answered.
struct TrafficGeneratorHandler: LambdaHandler {
    let settings: TrafficSettings
    let site: PetSiteAddress
    let browser: any PetSiteBrowser
    var planner = JourneyPlanner()

    init(settings: TrafficSettings, parameters: any ParameterStore, browser: any PetSiteBrowser) {
        self.settings = settings
        site = PetSiteAddress(store: parameters, parameterName: settings.siteURLParameter)
        self.browser = browser
    }

    func handle(_ event: ScheduledEvent, context: LambdaContext) async throws -> TrafficReport {
        let users = try settings.users(for: event)
        let siteURL = try await site.baseURL()
        var random = SystemRandomNumberGenerator()
        let journeys = (0..<users).map { _ in planner.plan(using: &random) }
        let runner = TrafficRunner(browser: browser, maxInFlight: min(users, TrafficSettings.maximumInFlight))

        let clock = ContinuousClock()
        let started = clock.now
        let tally = await runner.run(journeys, at: siteURL, budget: InvocationBudget(context: context))
        let report = TrafficReport(siteURL: siteURL, users: users, tally: tally, duration: clock.now - started)

        context.logger.info("traffic sent", metadata: [
            "journeysStarted": "\(report.journeysStarted)", "journeysCompleted": "\(report.journeysCompleted)",
            "journeysSkipped": "\(report.journeysSkipped)", "requests": "\(report.requests)",
            "failures": "\(report.failures)", "durationMs": "\(report.durationMs)",
        ])
        return report
    }
}
