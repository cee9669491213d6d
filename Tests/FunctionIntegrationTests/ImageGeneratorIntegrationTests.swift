import AWSClients
import Foundation
import HTTPClient
@testable import ImageGenerator
import LambdaEvents
import LambdaTesting
import PetDomainTesting
import PetDomain
import ServerFixtures
import Testing

/// ImageGenerator through the runtime loop against the stack's foods table and bucket, with Bedrock played
/// by `scripts/fake-bedrock.py` (checks SigV4, answers as Titan does, throttles on request).
@Suite struct ImageGeneratorIntegrationTests {
    let stack: CatalogStack
    let bedrock: ChildServer
    let storage: CatalogStack.FoodStorage

    init() throws {
        stack = try CatalogStack()
        // The fake accepts ImageGenerator's own access key and logs its calls with the stack's AWS requests.
        bedrock = try ChildServer(command: [
            Paths.toolsPython, Paths.repositoryRoot + "/scripts/fake-bedrock.py",
            "--access-key", stack.variables(for: "ImageGenerator")["AWS_ACCESS_KEY_ID"] ?? "testing",
            "--request-log", stack.directory.appending(path: "aws-requests/bedrock.jsonl").path,
        ])
        storage = stack.foodStorage(for: "ImageGenerator")
    }

    func invoke(_ event: JSONValue) throws -> CatalogStack.Invocation {
        try stack.invoke("ImageGenerator", event: event,
                         overrides: ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME": bedrock["endpoint"]])
    }

    /// A new food named `name`, and the FoodItemCreated event for it.
    func newFood(_ fixture: String = "food-item-created.json") async throws -> (id: String, key: String, event: JSONValue) {
        let id = CatalogStack.uniqueID("it-food")
        let name = "Integration Bites \(id)"
        try await storage.dynamoDB.putItem(table: storage.table, item: ["id": .s(id), "name": .s(name), "stock_quantity": 5])
        let event = try Fixtures.decode(JSONValue.self, "ImageGenerator/\(fixture)")
            .setting("detail.food_id", to: .string(id)).setting("detail.food_name", to: .string(name))
        return (id, "images/petfood/integration-bites-\(id).jpg", event)
    }

    func bedrockInvocations() async throws -> Int {
        let response = try await HTTPClient.shared.request(HTTPRequest(url: bedrock["endpoint"] + "/_control/stats"))
        let stats = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
        return stats["invocations"]?.intValue ?? -1
    }

    @Test func storesThePictureThenPointsTheItemAtItAndSkipsOnceItExists() async throws {
        let food = try await newFood()
        let summary = try invoke(food.event).decode(ImageSummary.self)
        #expect(summary.status == .generated)
        #expect(summary.imageKey == food.key)

        let object = try #require(try await storage.s3.headObject(bucket: storage.bucket, key: food.key))
        #expect(object.contentType == "image/png")
        #expect(object.metadata["food-id"] == food.id)
        #expect(object.metadata["model-id"] == "amazon.titan-image-generator-v2:0")
        #expect(object.metadata["prompt-sha256"] == summary.promptSHA256)
        let item = try #require(
            try await storage.dynamoDB.getItem(table: storage.table, key: ["id": .s(food.id)], consistentRead: true))
        #expect(item["image"]?.string == food.key)
        #expect(item["updated_at"]?.string != nil)
        #expect(try await bedrockInvocations() == 1)

        let again = try invoke(food.event).decode(ImageSummary.self)
        #expect(again.status == .existing)
        #expect(try await bedrockInvocations() == 1)
    }

    @Test func throttlingIsRetriedWithBackoff() async throws {
        let food = try await newFood("food-item-created-seed.json")
        _ = try await HTTPClient.shared.request(HTTPRequest(method: .post, url: bedrock["endpoint"] + "/_control/throttle?count=2"))
        let invocation = try invoke(food.event)
        #expect(try invocation.decode(ImageSummary.self).status == .generated)
        #expect(try await bedrockInvocations() == 3)
        #expect(try await storage.s3.headObject(bucket: storage.bucket, key: food.key) != nil)
    }

    @Test func aFoodThatIsGoneIsAnErrorAndNoItemIsCreated() async throws {
        let food = try await newFood()
        try await storage.dynamoDB.deleteItem(table: storage.table, key: ["id": .s(food.id)])
        let invocation = try invoke(food.event)
        #expect(!invocation.succeeded)
        #expect(String(decoding: invocation.response, as: UTF8.self).contains(food.id))
        #expect(try await storage.dynamoDB.getItem(table: storage.table, key: ["id": .s(food.id)]) == nil)
        #expect(try await bedrockInvocations() == 0)
    }

    @Test func pointingAFoodThatWasDeletedMeanwhileAtAPictureWritesNothing() async throws {
        let id = CatalogStack.uniqueID("it-gone")
        let catalog = DynamoDBFoodCatalog(dynamoDB: storage.dynamoDB, table: storage.table)
        await #expect(throws: FoodNotFound(foodID: id)) {
            try await catalog.setImage("images/petfood/gone.jpg", ofFood: id, at: .now())
        }
        #expect(try await storage.dynamoDB.getItem(table: storage.table, key: ["id": .s(id)]) == nil)
    }
}
