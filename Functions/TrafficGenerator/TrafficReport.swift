import LambdaSystem
/// What an invocation returns: the run's counts and how long it took.
struct TrafficReport: Encodable, Sendable, Equatable {
    var siteURL: String
    var concurrentUsers: Int
    var journeysStarted: Int
    var journeysCompleted: Int
    var journeysFailed: Int
    var journeysCutShort: Int
    /// Journeys never started because the time budget ran out first.
    var journeysSkipped: Int
    var requests: Int
    var failures: Int
    var redirected: Int
    var durationMs: Int
    var statusCounts: [String: [String: Int]]

    init(siteURL: String, users: Int, tally: TrafficTally, duration: Duration) {
        self.siteURL = siteURL
        concurrentUsers = users
        journeysStarted = tally.journeysStarted
        journeysCompleted = tally.journeysCompleted
        journeysFailed = tally.journeysFailed
        journeysCutShort = tally.journeysCutShort
        journeysSkipped = users - tally.journeysStarted
        requests = tally.requests
        failures = tally.failures
        redirected = tally.redirected
        durationMs = Int(duration.wholeMilliseconds)
        statusCounts = tally.statusCounts
    }
}
