import LambdaSystem

/// A pet food item as the functions that maintain its image see it (the foods table, key `id`).
public struct FoodItem: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// The S3 key of its picture.
    public var image: String?

    public init(id: String, name: String? = nil, image: String? = nil) {
        self.id = id
        self.name = name
        self.image = image
    }
}

/// The foods table, as far as images and discontinued items go.
public protocol FoodCatalog: Sendable {
    func food(id: String) async throws -> FoodItem?

    /// Points the existing item's `image` at `key` and sets its `updated_at`.
    /// Throws `FoodNotFound` (writing nothing) when the item does not exist.
    func setImage(_ key: String, ofFood id: String, at time: Timestamp) async throws

    /// Deletes the item; returns whether there was one.
    func deleteFood(id: String) async throws -> Bool
}

public struct FoodNotFound: Error, Equatable, CustomStringConvertible {
    public var foodID: String

    public init(foodID: String) {
        self.foodID = foodID
    }

    public var description: String { "no food item with id \(foodID)" }
}

/// The bucket of food pictures.
/// Where the platform keeps food pictures: ImageGenerator writes `images/petfood/<slug>.jpg`, Cleanup
/// deletes nothing else, and the template grants the S3 object actions on this prefix only.
public enum FoodImageKeys {
    public static let prefix = "images/petfood/"

    public static func isFoodImage(_ key: String) -> Bool {
        key.hasPrefix(prefix) && key.count > prefix.count
    }
}

public protocol FoodImageStore: Sendable {
    func exists(_ key: String) async throws -> Bool
    func put(_ key: String, bytes: [UInt8], contentType: String, metadata: [String: String]) async throws
    /// Deleting a key that does not exist succeeds, as it does on S3.
    func delete(_ key: String) async throws
}
