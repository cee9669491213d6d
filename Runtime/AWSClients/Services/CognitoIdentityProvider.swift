public struct CognitoIdentityProvider: Sendable {
    public struct User: Sendable, Decodable, Equatable {
        public var username: String
        public var status: String?
        public var enabled: Bool?
        public var attributes: [String: String]

        enum CodingKeys: String, CodingKey {
            case username = "Username", status = "UserStatus", enabled = "Enabled", attributes = "Attributes"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            username = try container.decode(String.self, forKey: .username)
            status = try container.decodeIfPresent(String.self, forKey: .status)
            enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled)
            let pairs = try container.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
            attributes = Dictionary(pairs.map { ($0.Name, $0.Value ?? "") }, uniquingKeysWith: { $1 })
        }
    }

    /// The user name is taken in this pool.
    public struct UsernameExists: Error, Sendable {
        public var message: String
        public var underlying: AWSError
    }

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Creates a user as an administrator. `suppressMessage` skips the invitation message (accounts made
    /// by a back end). Throws `UsernameExists` when the name is taken.
    public func adminCreateUser(userPoolID: String, username: String, attributes: [String: String] = [:],
                                temporaryPassword: String? = nil, suppressMessage: Bool = true) async throws -> User {
        // swiftlint:disable identifier_name
        struct Input: Encodable {
            var UserPoolId: String
            var Username: String
            var UserAttributes: [Attribute]
            var TemporaryPassword: String?
            var MessageAction: String?
        }
        struct Output: Decodable { var User: User }
        // swiftlint:enable identifier_name
        let input = Input(
            UserPoolId: userPoolID, Username: username,
            UserAttributes: attributes.sorted { $0.key < $1.key }.map { Attribute(Name: $0.key, Value: $0.value) },
            TemporaryPassword: temporaryPassword, MessageAction: suppressMessage ? "SUPPRESS" : nil)
        do {
            let output: Output = try await client.sendJSON(
                .cognitoIdentityProvider, target: "AWSCognitoIdentityProviderService.AdminCreateUser", input: input)
            return output.User
        } catch let error as AWSError where error.code == "UsernameExistsException" {
            throw UsernameExists(message: error.message, underlying: error)
        }
    }

    // swiftlint:disable identifier_name
    struct Attribute: Codable {
        var Name: String
        var Value: String?
    }
    // swiftlint:enable identifier_name
}
