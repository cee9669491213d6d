import LambdaJSON
import LambdaEvents
import LambdaRuntime

/// The function's configuration, read once at init.
struct TrafficSettings: Sendable, Equatable {
    static let defaultUsers = 50
    static let maximumUsers = 10_000
    /// More simultaneous visitors than this only queue inside one Lambda's network stack.
    static let maximumInFlight = 200

    /// `PETSITE_URL_PARAMETER_NAME`: the SSM parameter holding the site's base URL.
    var siteURLParameter: String
    /// `CONCURRENT_USERS`: journeys per invocation, unless the event asks for another number.
    var users: Int

    init(environment: LambdaEnvironment) throws {
        siteURLParameter = try environment.required("PETSITE_URL_PARAMETER_NAME")
        users = try environment["CONCURRENT_USERS"].map {
            try Self.users($0, source: "CONCURRENT_USERS")
        } ?? Self.defaultUsers
    }

    /// The journeys to run for `event`: its `detail.concurrentUsers` (a rule target's custom input) or the default.
    func users(for event: ScheduledEvent) throws -> Int {
        guard let requested = event.detail["concurrentUsers"], !requested.isNull else { return users }
        guard let count = requested.intValue, (1...Self.maximumUsers).contains(count) else {
            throw TrafficGeneratorError.invalidConcurrentUsers(
                source: "event detail.concurrentUsers", value: Self.jsonText(requested))
        }
        return count
    }

    private static func jsonText(_ value: JSONValue) -> String {
        (try? LambdaJSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "a non-number"
    }

    static func users(_ text: String, source: String) throws -> Int {
        guard let count = Int(text), (1...maximumUsers).contains(count) else {
            throw TrafficGeneratorError.invalidConcurrentUsers(source: source, value: text)
        }
        return count
    }
}
