import AWSClients
import LambdaRuntime
import PetDomain

/// Gives a new or changed food its picture: made by the model, stored in the bucket under the key the
/// platform expects, then recorded on the food item.
///
/// The item is written last, and only if it still exists, so a timeout or failure at any step leaves it
/// as it was (at worst with a stored picture it does not point at yet, which the retry then finds).
/// A food whose picture is already stored costs no model call: its item is just pointed at it.
struct ImageGeneratorHandler<Catalog: FoodCatalog, Images: FoodImageStore, Model: ImageModel>: LambdaHandler {
    let catalog: Catalog
    let images: Images
    let model: Model

    func handle(_ event: PetfoodEvent<FoodItemChanged>, context: LambdaContext) async throws -> ImageSummary {
        guard let event = event.handled(orLogTo: context.logger) else { return ImageSummary(status: .ignored) }
        let food = event.detail
        let key = food.imageKey
        guard let item = try await catalog.food(id: food.foodID) else { throw FoodNotFound(foodID: food.foodID) }
        var summary = ImageSummary(status: .existing, foodID: food.foodID, imageKey: key)

        if try await images.exists(key) {
            if item.image != key {
                try await catalog.setImage(key, ofFood: food.foodID, at: .now())
            }
            context.logger.info("picture already stored; no model call", metadata: [
                "food_id": "\(food.foodID)", "image_key": "\(key)", "item_repointed": "\(item.image != key)",
            ])
            return summary
        }

        let prompt = ImagePrompt(for: food).text
        let promptHash = SHA256.hexHash(prompt.utf8)
        let bytes = try await model.generateImage(prompt: prompt, negativePrompt: ImagePrompt.negativeText)
        let format = try ImageFormat(of: bytes)
        try await images.put(key, bytes: bytes, contentType: format.contentType, metadata: [
            "food-id": food.foodID, "model-id": model.modelID, "prompt-sha256": promptHash,
        ])
        try await catalog.setImage(key, ofFood: food.foodID, at: .now())

        summary.status = .generated
        summary.contentType = format.contentType
        summary.promptSHA256 = promptHash
        context.logger.info("picture generated and stored", metadata: [
            "food_id": "\(food.foodID)", "image_key": "\(key)", "bytes": "\(bytes.count)",
            "content_type": "\(format.contentType)", "model_id": "\(model.modelID)", "prompt_sha256": "\(promptHash)",
        ])
        return summary
    }
}

struct ImageSummary: Codable, Equatable, Sendable {
    enum Status: String, Codable, Sendable {
        case generated
        /// The picture was stored already; no model call was made.
        case existing
        case ignored
    }

    var status: Status
    var foodID: String?
    var imageKey: String?
    var contentType: String?
    var promptSHA256: String?

    enum CodingKeys: String, CodingKey {
        case status, foodID = "food_id", imageKey = "image_key", contentType = "content_type"
        case promptSHA256 = "prompt_sha256"
    }
}

