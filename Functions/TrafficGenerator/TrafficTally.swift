/// How a journey ended.
enum JourneyEnd: Sendable, Equatable {
    /// Every step got a response (error statuses included: a visitor clicks on after an error page).
    case completed
    /// A step got no response at all (refused, timed out): the site is not there, so the visitor leaves.
    case failed
    /// The time budget ran out before the next step, or during one (that request is not counted).
    case cutShort
}

/// The counts the generator reports; journeys tally on their own and merge into the run's total.
struct TrafficTally: Sendable, Equatable {
    var journeysStarted = 0
    var journeysCompleted = 0
    var journeysFailed = 0
    var journeysCutShort = 0
    /// Steps answered or refused (a followed redirect is part of its step; one cut off by the deadline is not counted).
    var requests = 0
    /// Steps answered with 4xx/5xx or not answered at all.
    var failures = 0
    /// Steps whose answer came after following a redirect.
    var redirected = 0
    /// Per step path, per final status ("200", "302"… or "error" for no response): how many.
    var statusCounts: [String: [String: Int]] = [:]

    static let noResponse = "error"

    mutating func record(path: String, answer: PetSiteAnswer) {
        requests += 1
        if answer.status >= 400 { failures += 1 }
        if answer.redirected { redirected += 1 }
        statusCounts[path, default: [:]][String(answer.status), default: 0] += 1
    }

    mutating func recordNoResponse(path: String) {
        requests += 1
        failures += 1
        statusCounts[path, default: [:]][Self.noResponse, default: 0] += 1
    }

    mutating func record(_ end: JourneyEnd) {
        journeysStarted += 1
        switch end {
        case .completed: journeysCompleted += 1
        case .failed: journeysFailed += 1
        case .cutShort: journeysCutShort += 1
        }
    }

    mutating func merge(_ other: TrafficTally) {
        journeysStarted += other.journeysStarted
        journeysCompleted += other.journeysCompleted
        journeysFailed += other.journeysFailed
        journeysCutShort += other.journeysCutShort
        requests += other.requests
        failures += other.failures
        redirected += other.redirected
        statusCounts.merge(other.statusCounts) { mine, theirs in mine.merging(theirs, uniquingKeysWith: +) }
    }
}
