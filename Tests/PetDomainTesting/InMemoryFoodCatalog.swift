import PetDomain
import LambdaSystem

/// The foods table in memory, for unit tests of the functions that maintain food pictures.
public actor InMemoryFoodCatalog: FoodCatalog {
    public private(set) var items: [String: FoodItem]
    public private(set) var updatedAt: [String: Timestamp] = [:]

    public init(_ items: [FoodItem] = []) {
        self.items = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
    }

    public func food(id: String) -> FoodItem? { items[id] }

    public func setImage(_ key: String, ofFood id: String, at time: Timestamp) throws {
        guard items[id] != nil else { throw FoodNotFound(foodID: id) }
        items[id]?.image = key
        updatedAt[id] = time
    }

    public func deleteFood(id: String) -> Bool {
        items.removeValue(forKey: id) != nil
    }
}

/// The pictures bucket in memory.
public actor InMemoryFoodImageStore: FoodImageStore {
    public struct StoredImage: Equatable, Sendable {
        public var bytes: [UInt8]
        public var contentType: String
        public var metadata: [String: String]
    }

    public private(set) var objects: [String: StoredImage] = [:]
    public private(set) var deletions: [String] = []

    public init(keys: [String] = []) {
        for key in keys { objects[key] = StoredImage(bytes: [0xFF, 0xD8, 0xFF], contentType: "image/jpeg", metadata: [:]) }
    }

    public func exists(_ key: String) -> Bool { objects[key] != nil }

    public func put(_ key: String, bytes: [UInt8], contentType: String, metadata: [String: String]) {
        objects[key] = StoredImage(bytes: bytes, contentType: contentType, metadata: metadata)
    }

    public func delete(_ key: String) {
        deletions.append(key)
        objects[key] = nil
    }
}
