import LambdaJSON

/// Bedrock model invocation (REST-JSON, signed as `bedrock`, served by `bedrock-runtime.<region>`).
public struct BedrockRuntime: Sendable {
    public struct InvokeModelOutput: Sendable {
        public var body: [UInt8]
        public var contentType: String?
    }

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Sends `body` to the model as is and returns its answer as is (bytes are never reinterpreted).
    public func invokeModel(modelID: String, body: [UInt8], contentType: String = "application/json",
                            accept: String = "application/json") async throws -> InvokeModelOutput {
        let response = try await client.send(AWSClient.Call(
            service: .bedrockRuntime, method: .post, path: "/model/\(URIEncoding.encode(modelID))/invoke",
            headers: ["Content-Type": contentType, "Accept": accept], body: body))
        return InvokeModelOutput(body: response.body, contentType: response.headers["Content-Type"])
    }

    /// JSON in, JSON out, in the model's own request and response shapes.
    public func invokeModel<Output: Decodable>(modelID: String, input: some Encodable,
                                               as output: Output.Type = Output.self) async throws -> Output {
        let answer = try await invokeModel(modelID: modelID, body: try LambdaJSONEncoder().encode(input))
        return try LambdaJSONDecoder().decode(Output.self, from: answer.body)
    }
}
