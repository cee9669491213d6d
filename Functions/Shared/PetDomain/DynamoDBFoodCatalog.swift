import AWSClients
import LambdaSystem
/// The foods table (`FOOD_TABLE_NAME`; key `id`).
public struct DynamoDBFoodCatalog: FoodCatalog {
    public let dynamoDB: DynamoDB
    public let table: String

    public init(dynamoDB: DynamoDB, table: String) {
        self.dynamoDB = dynamoDB
        self.table = table
    }

    public func food(id: String) async throws -> FoodItem? {
        guard let item = try await dynamoDB.getItem(table: table, key: ["id": .s(id)], consistentRead: true) else {
            return nil
        }
        return FoodItem(id: id, name: item["name"]?.string, image: item["image"]?.string)
    }

    public func setImage(_ key: String, ofFood id: String, at time: Timestamp) async throws {
        do {
            // The condition keeps a deleted food from coming back as an item that is only a picture.
            try await dynamoDB.updateItem(
                table: table, key: ["id": .s(id)], update: "SET image = :image, updated_at = :at",
                DynamoDB.Expressions(condition: "attribute_exists(id)",
                                     values: [":image": .s(key), ":at": .s(time.iso8601)]))
        } catch is DynamoDB.ConditionalCheckFailed {
            throw FoodNotFound(foodID: id)
        }
    }

    public func deleteFood(id: String) async throws -> Bool {
        try await dynamoDB.deleteItem(table: table, key: ["id": .s(id)], returnValues: .allOld) != nil
    }
}
