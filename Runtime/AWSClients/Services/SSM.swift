/// Systems Manager Parameter Store.
public struct SSM: Sendable {
    public struct Parameter: Sendable, Decodable, Equatable {
        public var name: String
        public var type: String
        public var value: String
        public var version: Int
        enum CodingKeys: String, CodingKey { case name = "Name", type = "Type", value = "Value", version = "Version" }
    }

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Reads a parameter; `withDecryption` returns SecureString values in clear.
    public func getParameter(name: String, withDecryption: Bool = true) async throws -> Parameter {
        struct Input: Encodable {
            // swiftlint:disable identifier_name
            var Name: String
            var WithDecryption: Bool
        }
        struct Output: Decodable { var Parameter: Parameter }
        // swiftlint:enable identifier_name
        let output: Output = try await client.sendJSON(
            .ssm, target: "AmazonSSM.GetParameter", input: Input(Name: name, WithDecryption: withDecryption))
        return output.Parameter
    }
}
