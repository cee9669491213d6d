import Foundation
import HTTPClient
import Testing

@testable import AWSClients

/// InvokeModel against scripts/fake-bedrock.py, which recomputes every signature with botocore.
/// The suite runs serialized: the throttling switch and the invocation counter are the server's.
@Suite(.serialized) struct BedrockIntegrationTests {
    // swiftlint:disable identifier_name
    struct TitanRequest: Encodable {
        struct Params: Encodable { var text: String }
        struct Config: Encodable { var numberOfImages = 1; var height = 512; var width = 512 }
        var taskType = "TEXT_IMAGE"
        var textToImageParams: Params
        var imageGenerationConfig = Config()
    }
    struct TitanResponse: Decodable { var images: [String]; var error: String? }
    struct Stats: Decodable {
        struct Last: Decodable {
            var model_id: String; var raw_path: String; var content_type: String?; var accept: String?
            var body_sha256: String; var body_length: Int
        }
        var invocations: Int
        var last: Last?
    }
    // swiftlint:enable identifier_name

    static let model = "amazon.titan-image-generator-v2:0"

    @Test func imageGenerationRoundTrip() async throws {
        let bedrock = BedrockRuntime(client: try LocalAWS.client(LocalAWS.bedrock))
        let response: TitanResponse = try await bedrock.invokeModel(
            modelID: Self.model, input: TitanRequest(textToImageParams: .init(text: "a happy shelter dog, ሴ")))
        #expect(response.error == nil)
        let png = try #require(Data(base64Encoded: response.images.first ?? ""))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let last = try await Self.stats().last
        #expect(last?.model_id == Self.model)
        #expect(last?.raw_path == "/model/amazon.titan-image-generator-v2%3A0/invoke")
    }

    @Test func binaryBodiesPassUnchanged() async throws {
        let bedrock = BedrockRuntime(client: try LocalAWS.client(LocalAWS.bedrock))
        let bytes = Array((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        let answer = try await bedrock.invokeModel(modelID: "custom/model 1", body: bytes,
                                                   contentType: "application/octet-stream", accept: "image/png")
        #expect(answer.contentType == "application/json")
        let last = try #require(try await Self.stats().last)
        #expect(last.body_length == 4096)
        #expect(last.body_sha256 == SHA256.hexHash(bytes))
        #expect(last.content_type == "application/octet-stream")
        #expect(last.accept == "image/png")
        #expect(last.model_id == "custom/model 1")
    }

    @Test func throttlingIsRetriedWithBackoff() async throws {
        let recorder = SleepRecorder()
        let bedrock = BedrockRuntime(client: try LocalAWS.client(LocalAWS.bedrock, retryPolicy: recorder.policy()))
        let before = try await Self.stats().invocations
        try await Self.throttle(next: 2)
        let response: TitanResponse = try await bedrock.invokeModel(
            modelID: Self.model, input: TitanRequest(textToImageParams: .init(text: "cat")))
        #expect(response.images.count == 1)
        #expect(try await Self.stats().invocations - before == 3)
        #expect(recorder.recorded == [.milliseconds(50), .milliseconds(100)])
    }

    @Test func persistentThrottlingFailsAfterThreeAttempts() async throws {
        let recorder = SleepRecorder()
        let bedrock = BedrockRuntime(client: try LocalAWS.client(LocalAWS.bedrock, retryPolicy: recorder.policy()))
        let before = try await Self.stats().invocations
        try await Self.throttle(next: 5)
        let error = await #expect(throws: AWSError.self) {
            _ = try await bedrock.invokeModel(modelID: Self.model, body: Array("{}".utf8))
        }
        #expect(error?.code == "ThrottlingException")
        #expect(error?.status == 429)
        #expect(try await Self.stats().invocations - before == 3)
        #expect(recorder.recorded.count == 2)
        try await Self.throttle(next: 0)
    }

    @Test func aWrongSecretIsRejectedAndNotRetried() async throws {
        let recorder = SleepRecorder()
        let bedrock = BedrockRuntime(client: try LocalAWS.client(
            LocalAWS.bedrock, environment: ["AWS_SECRET_ACCESS_KEY": "not-the-secret"], retryPolicy: recorder.policy()))
        let error = await #expect(throws: AWSError.self) {
            _ = try await bedrock.invokeModel(modelID: Self.model, body: Array("{}".utf8))
        }
        #expect(error?.code == "InvalidSignatureException")
        #expect(error?.status == 403)
        #expect(recorder.recorded.isEmpty)
    }

    @Test func sessionTokensAreSigned() async throws {
        let bedrock = BedrockRuntime(client: try LocalAWS.client(
            LocalAWS.bedrock, environment: ["AWS_SESSION_TOKEN": "session/token+="]))
        let answer = try await bedrock.invokeModel(modelID: Self.model, body: Array("{}".utf8))
        #expect(!answer.body.isEmpty)
    }

    static func stats() async throws -> Stats {
        let endpoint = try LocalAWS.bedrock.get()["endpoint"]
        let response = try await HTTPClient.shared.request(HTTPRequest(url: "\(endpoint)/_control/stats"))
        return try JSONDecoder().decode(Stats.self, from: Data(response.body))
    }

    static func throttle(next count: Int) async throws {
        let endpoint = try LocalAWS.bedrock.get()["endpoint"]
        _ = try await HTTPClient.shared.request(HTTPRequest(method: .post, url: "\(endpoint)/_control/throttle?count=\(count)"))
    }
}
