import LambdaRuntime
import PetDomain

/// Removes a discontinued food: its picture first, then its item, so that a failure between the two
/// leaves the item (and with it the picture's key) for the retry to find.
///
/// The picture is the one the event names, or else the one the item points at. A key outside the food
/// pictures' prefix is refused (logged, kept, and the item still removed): the event comes from another
/// service, and the function's role may delete only there anyway, so trying would fail the whole event.
/// Every step tolerates what an earlier delivery already did, so a second delivery succeeds and reports
/// what it found absent.
struct CleanupHandler<Catalog: FoodCatalog, Images: FoodImageStore>: LambdaHandler {
    let catalog: Catalog
    let images: Images

    func handle(_ event: PetfoodEvent<ItemDiscontinued>, context: LambdaContext) async throws -> CleanupSummary {
        guard let event = event.handled(orLogTo: context.logger) else { return CleanupSummary(status: .ignored) }
        let foodID = event.detail.foodID
        var imageKey = event.detail.imageKey
        if imageKey == nil {
            imageKey = try await catalog.food(id: foodID)?.image
        }
        var summary = CleanupSummary(status: .cleaned, foodID: foodID, imageKey: imageKey)
        if let imageKey, !FoodImageKeys.isFoodImage(imageKey) {
            context.logger.warning("image key outside \(FoodImageKeys.prefix): not deleting it", metadata: [
                "food_id": "\(foodID)", "image_key": "\(imageKey)",
            ])
            summary.image = .refused
        } else if let imageKey {
            if try await images.exists(imageKey) {
                try await images.delete(imageKey)
                summary.image = .deleted
            } else {
                summary.image = .absent
            }
        } else {
            summary.image = .unknown
        }
        summary.item = try await catalog.deleteFood(id: foodID) ? .deleted : .absent
        context.logger.info("discontinued food cleaned up", metadata: [
            "food_id": "\(foodID)", "image_key": "\(imageKey ?? "-")",
            "image": "\(summary.image?.rawValue ?? "-")", "item": "\(summary.item?.rawValue ?? "-")",
        ])
        return summary
    }
}

/// What the cleanup did; `absent` means an earlier delivery (or nobody) had removed it already.
struct CleanupSummary: Codable, Equatable, Sendable {
    enum Status: String, Codable, Sendable { case cleaned, ignored }
    enum Outcome: String, Codable, Sendable {
        case deleted, absent
        /// Neither the event nor the item named a picture.
        case unknown
        /// The key named is not a food picture's (outside `FoodImageKeys.prefix`); it was left alone.
        case refused
    }

    var status: Status
    var foodID: String?
    var imageKey: String?
    var image: Outcome?
    var item: Outcome?

    enum CodingKeys: String, CodingKey { case status, foodID = "food_id", imageKey = "image_key", image, item }
}
