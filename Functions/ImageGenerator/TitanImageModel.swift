import LambdaJSON
import AWSClients

/// Amazon Titan Image Generator on Bedrock (`BEDROCK_MODEL_ID`): one 512×512 picture per prompt.
///
/// Throttling (`ThrottlingException`, HTTP 429) is retried by the client's retry policy, with the
/// backoff `main.swift` gives it: Bedrock's image quotas are per minute, so the waits are long.
struct TitanImageModel: ImageModel {
    let bedrock: BedrockRuntime
    let modelID: String

    func generateImage(prompt: String, negativePrompt: String) async throws -> [UInt8] {
        let request = TitanRequest(
            textToImageParams: .init(text: prompt, negativeText: negativePrompt),
            imageGenerationConfig: .init(numberOfImages: 1, height: 512, width: 512, cfgScale: 8.0, quality: "standard"))
        let answer: TitanResponse = try await bedrock.invokeModel(modelID: modelID, input: request)
        if let error = answer.error, !error.isEmpty { throw TitanRefusal(message: error) }
        guard let encoded = answer.images?.first else { throw TitanRefusal(message: "the answer holds no image") }
        guard let bytes = Base64.decode(encoded) else { throw TitanRefusal(message: "the image is not valid base64") }
        return Array(bytes)
    }
}

/// Titan's `TEXT_IMAGE` request.
struct TitanRequest: Encodable, Equatable {
    struct TextToImageParams: Encodable, Equatable {
        var text: String
        var negativeText: String
    }

    struct ImageGenerationConfig: Encodable, Equatable {
        var numberOfImages: Int
        var height: Int
        var width: Int
        var cfgScale: Double
        var quality: String
    }

    var taskType = "TEXT_IMAGE"
    var textToImageParams: TextToImageParams
    var imageGenerationConfig: ImageGenerationConfig
}

/// `{"images": ["<base64>"], "error": null}`.
struct TitanResponse: Decodable {
    var images: [String]?
    var error: String?
}

/// A model answer without a usable picture (for instance a prompt its content filter refused).
struct TitanRefusal: Error, Equatable, CustomStringConvertible {
    var message: String
    var description: String { "Titan returned no image: \(message)" }
}
