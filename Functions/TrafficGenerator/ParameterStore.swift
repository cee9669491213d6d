/// Where parameters live: SSM Parameter Store in Lambda, a dictionary in unit tests.
protocol ParameterStore: Sendable {
    func value(ofParameter name: String) async throws -> String
}
