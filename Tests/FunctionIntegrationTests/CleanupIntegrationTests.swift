import AWSClients
@testable import Cleanup
import Foundation
import LambdaEvents
import LambdaTesting
import PetDomainTesting
import Testing

/// Cleanup through the runtime loop against the stack's foods table and pictures bucket.
@Suite struct CleanupIntegrationTests {
    let stack: CatalogStack
    let storage: CatalogStack.FoodStorage

    init() throws {
        stack = try CatalogStack()
        storage = stack.foodStorage(for: "Cleanup")
    }

    @Test func deletesPictureAndItemAndASecondDeliverySucceeds() async throws {
        let food = CatalogStack.uniqueID("it-food")
        let key = "images/petfood/\(food).jpg"
        try await CatalogStack.addFood(food, stock: 1, in: storage.dynamoDB, table: storage.table, image: key)
        try await storage.s3.putObject(bucket: storage.bucket, key: key, body: [0xFF, 0xD8, 0xFF],
                                       contentType: "image/jpeg")
        let event = try Fixtures.decode(JSONValue.self, "Cleanup/item-discontinued.json")
            .setting("detail.food_id", to: .string(food))
            .setting("detail.metadata", to: ["image_path": .string("s3://\(storage.bucket)/\(key)")])

        let first = try stack.invoke("Cleanup", event: event).decode(CleanupSummary.self)
        #expect(first == CleanupSummary(status: .cleaned, foodID: food, imageKey: key, image: .deleted, item: .deleted))
        #expect(try await storage.s3.headObject(bucket: storage.bucket, key: key) == nil)
        #expect(try await storage.dynamoDB.getItem(table: storage.table, key: ["id": .s(food)]) == nil)

        let second = try stack.invoke("Cleanup", event: event)
        #expect(second.succeeded)
        #expect(try second.decode(CleanupSummary.self)
            == CleanupSummary(status: .cleaned, foodID: food, imageKey: key, image: .absent, item: .absent))
    }

    @Test func withoutImagePathThePictureOfTheItemIsDeleted() async throws {
        let food = CatalogStack.uniqueID("it-food")
        let key = "images/petfood/\(food).jpg"
        try await CatalogStack.addFood(food, stock: 1, in: storage.dynamoDB, table: storage.table, image: key)
        try await storage.s3.putObject(bucket: storage.bucket, key: key, body: [0xFF, 0xD8, 0xFF],
                                       contentType: "image/jpeg")
        let event = try Fixtures.decode(JSONValue.self, "Cleanup/item-discontinued-no-image-path.json")
            .setting("detail.food_id", to: .string(food))
        let summary = try stack.invoke("Cleanup", event: event).decode(CleanupSummary.self)
        #expect(summary.image == .deleted)
        #expect(summary.item == .deleted)
        #expect(try await storage.s3.headObject(bucket: storage.bucket, key: key) == nil)
    }
}
