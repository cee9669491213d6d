import LambdaEvents

/// RdsSeeder is invoked two ways: directly (`{}`, e.g. `aws lambda invoke` after a deploy) or by
/// CloudFormation as a custom resource. A CloudFormation request is recognised by its `RequestType` and
/// `ResponseURL`; anything else is a direct call.
enum RdsSeederEvent: Decodable, Sendable {
    case direct
    case customResource(CloudFormationCustomResourceRequest<JSONValue>)

    private enum ProbeKeys: String, CodingKey {
        case requestType = "RequestType"
        case responseURL = "ResponseURL"
    }

    init(from decoder: any Decoder) throws {
        guard let probe = try? decoder.container(keyedBy: ProbeKeys.self),
            probe.contains(.requestType) || probe.contains(.responseURL)
        else {
            self = .direct
            return
        }
        self = .customResource(try CloudFormationCustomResourceRequest<JSONValue>(from: decoder))
    }
}

/// What the function returns: for a direct call the outcome, for CloudFormation the same (CloudFormation
/// reads the PUT to `ResponseURL`, not this).
struct RdsSeederOutput: Codable, Sendable, Equatable {
    var statusCode: Int
    /// JSON text: `{"applied":[...],"alreadyApplied":[...]}`, plus `"status"` for a custom resource.
    var body: String
}
