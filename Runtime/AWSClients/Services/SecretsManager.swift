import LambdaJSON

public struct SecretsManager: Sendable {
    public struct SecretValue: Sendable, Decodable, Equatable {
        public var arn: String
        public var name: String
        public var versionID: String?
        public var secretString: String?
        public var secretBinary: [UInt8]?
        enum CodingKeys: String, CodingKey {
            case arn = "ARN", name = "Name", versionID = "VersionId", secretString = "SecretString",
                 secretBinary = "SecretBinary"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            arn = try container.decode(String.self, forKey: .arn)
            name = try container.decode(String.self, forKey: .name)
            versionID = try container.decodeIfPresent(String.self, forKey: .versionID)
            secretString = try container.decodeIfPresent(String.self, forKey: .secretString)
            secretBinary = try container.decodeBase64IfPresent(forKey: .secretBinary)
        }
    }

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// The current version (`AWSCURRENT`) unless `versionStage` names another.
    public func getSecretValue(secretID: String, versionStage: String? = nil) async throws -> SecretValue {
        struct Input: Encodable {
            // swiftlint:disable identifier_name
            var SecretId: String
            var VersionStage: String?
            // swiftlint:enable identifier_name
        }
        return try await client.sendJSON(.secretsManager, target: "secretsmanager.GetSecretValue",
                                         input: Input(SecretId: secretID, VersionStage: versionStage))
    }
}
