import AWSClients
import Foundation
import LambdaEvents
import LambdaTesting
import PetDomainTesting
@testable import PetfoodStock
import ServerFixtures
import Testing
import LambdaSystem

/// PetfoodStock through the runtime loop against the stack's foods and idempotency tables.
@Suite struct PetfoodStockIntegrationTests {
    let stack: CatalogStack
    let dynamoDB: DynamoDB
    let foodsTable: String
    let idempotencyTable: String

    init() throws {
        stack = try CatalogStack()
        dynamoDB = DynamoDB(client: stack.aws(for: "PetfoodStock"))
        let variables = stack.variables(for: "PetfoodStock")
        foodsTable = variables["FOODS_TABLE_NAME"] ?? "PetFoods"
        idempotencyTable = variables["IDEMPOTENCY_TABLE_NAME"] ?? "PetfoodStockIdempotency"
    }

    @Test func theSameOrderDeliveredTwiceIsAppliedOnce() async throws {
        let (veggie, kibbles) = (CatalogStack.uniqueID("it-food"), CatalogStack.uniqueID("it-food"))
        try await CatalogStack.addFood(veggie, stock: 20, in: dynamoDB, table: foodsTable)
        try await CatalogStack.addFood(kibbles, stock: 5, in: dynamoDB, table: foodsTable)
        let orderID = CatalogStack.uniqueID("it-order")
        let event = try CatalogStack.order("stock-purchased.json", id: orderID, foods: [veggie, kibbles])

        let first = try stack.invoke("PetfoodStock", event: event).decode(OrderSummary.self)
        #expect(first.status == .applied)
        #expect(first.items.map(\.stockAfter) == [18, 4])
        let second = try stack.invoke("PetfoodStock", event: event).decode(OrderSummary.self)
        #expect(second.status == .alreadyApplied)

        #expect(try await CatalogStack.stock(of: veggie, in: dynamoDB, table: foodsTable) == 18)
        #expect(try await CatalogStack.stock(of: kibbles, in: dynamoDB, table: foodsTable) == 4)
        let record = try #require(try await dynamoDB.getItem(table: idempotencyTable,
                                                             key: ["id": .s("PetfoodStock#\(orderID)")]))
        #expect(record["status"]?.string == "COMPLETED")
        #expect((record["expiration"]?.int ?? 0) > Int(Timestamp.now().secondsSince1970))
        let updatedAt = try await dynamoDB.getItem(table: foodsTable, key: ["id": .s(veggie)])?["updated_at"]?.string
        #expect(updatedAt?.hasSuffix("Z") == true)
    }

    @Test func numericPricesAreAccepted() async throws {
        let food = CatalogStack.uniqueID("it-food")
        try await CatalogStack.addFood(food, stock: 10, in: dynamoDB, table: foodsTable)
        let orderID = CatalogStack.uniqueID("it-order")
        let event = try CatalogStack.order("stock-purchased-numeric-prices.json", id: orderID, foods: [food])
        let summary = try stack.invoke("PetfoodStock", event: event).decode(OrderSummary.self)
        #expect(summary.status == .applied)
        #expect(try await CatalogStack.stock(of: food, in: dynamoDB, table: foodsTable) == 7)
    }

    @Test func anUnknownFoodFailsTheInvocationAndChangesNothing() async throws {
        let food = CatalogStack.uniqueID("it-food")
        let missing = CatalogStack.uniqueID("it-missing")
        try await CatalogStack.addFood(food, stock: 10, in: dynamoDB, table: foodsTable)
        let orderID = CatalogStack.uniqueID("it-order")
        let event = try CatalogStack.order("stock-purchased-unknown-food.json", id: orderID, foods: [food, missing])
        let invocation = try stack.invoke("PetfoodStock", event: event)
        #expect(!invocation.succeeded)
        #expect(String(decoding: invocation.response, as: UTF8.self).contains(missing))
        #expect(try await CatalogStack.stock(of: food, in: dynamoDB, table: foodsTable) == 10)
        #expect(try await dynamoDB.getItem(table: idempotencyTable, key: ["id": .s("PetfoodStock#\(orderID)")]) == nil)
    }

    @Test func otherEventKindsAreIgnored() throws {
        let event = try Fixtures.decode(JSONValue.self, "PetfoodStock/food-item-created.json")
        let invocation = try stack.invoke("PetfoodStock", event: event)
        #expect(invocation.succeeded)
        #expect(try invocation.decode([String: String].self) == ["status": "ignored"])
    }

    @Test func anSQSBatchFailsOnlyItsBadRecords() async throws {
        let food = CatalogStack.uniqueID("it-food")
        try await CatalogStack.addFood(food, stock: 30, in: dynamoDB, table: foodsTable)
        var batch = try Fixtures.decode(SQSEvent.self, "PetfoodStock/sqs-mixed-batch.json")
        let orderID = CatalogStack.uniqueID("it-order")
        let good = try CatalogStack.order("stock-purchased.json", id: orderID, foods: [food])
        batch.records[0].body = String(decoding: try JSONEncoder().encode(good), as: UTF8.self)
        let response = try stack.invoke("PetfoodStock", event: batch).decode(SQSBatchResponse.self)
        #expect(response.batchItemFailures.map(\.itemIdentifier) == [batch.records[1].messageId, batch.records[2].messageId])
        #expect(try await CatalogStack.stock(of: food, in: dynamoDB, table: foodsTable) == 28)
    }
}

/// Concurrent orders against a moto of the test's own that serves one request at a time
/// (`scripts/testing/moto-serial.py`): moto's threaded server is not transaction-safe (it loses writes
/// when transactions overlap), so the shared stack cannot tell our lost updates from its own.
@Suite(.serialized) struct PetfoodStockConcurrencyTests {
    static let foodsTable = "PetFoods"
    static let idempotencyTable = "PetfoodStockIdempotency"

    let moto: ChildServer
    let variables: [String: String]
    let dynamoDB: DynamoDB

    init() async throws {
        moto = try ChildServer(command: [Paths.toolsPython, Paths.repositoryRoot + "/scripts/testing/moto-serial.py"])
        variables = ["AWS_ENDPOINT_URL": moto["endpoint"], "AWS_ACCESS_KEY_ID": "testing",
                     "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
                     "FOODS_TABLE_NAME": Self.foodsTable, "IDEMPOTENCY_TABLE_NAME": Self.idempotencyTable]
        dynamoDB = DynamoDB(client: AWSClient(environment: variables, retryPolicy: .none))
        try await dynamoDB.createTable(name: Self.foodsTable, hashKey: "id")
        try await dynamoDB.createTable(name: Self.idempotencyTable, hashKey: "id")
    }

    @Test func fiftyConcurrentOrdersLoseNoUpdate() async throws {
        let food = CatalogStack.uniqueID("it-food")
        try await CatalogStack.addFood(food, stock: 1000, in: dynamoDB, table: Self.foodsTable)
        let keeper = StockKeeper(
            ledger: DynamoDBStockLedger(dynamoDB: dynamoDB, foodsTable: Self.foodsTable,
                                        idempotencyTable: Self.idempotencyTable),
            functionName: "PetfoodStock")
        let template = try Fixtures.decode(EventBridgeEvent<JSONValue>.self, "PetfoodStock/stock-purchased.json")
        let statuses = try await withThrowingTaskGroup(of: OrderSummary.Status.self) { group in
            for index in 0..<50 {
                let detail = try JSONEncoder().encode(template.detail
                    .setting("order_id", to: .string("concurrent-\(index)"))
                    .setting("items", to: [["food_id": .string(food), "quantity": 2, "unit_price": "9.99"]]))
                let order = try JSONDecoder().decode(StockPurchased.self, from: detail)
                group.addTask { try await keeper.apply(order, logger: .init(label: "test")).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: .applied, count: 50))
        #expect(try await CatalogStack.stock(of: food, in: dynamoDB, table: Self.foodsTable) == 900)
    }

    @Test func concurrentInvocationsThroughTheLoopLoseNoUpdateAndFloorAtZero() async throws {
        let food = CatalogStack.uniqueID("it-food")
        try await CatalogStack.addFood(food, stock: 25, in: dynamoDB, table: Self.foodsTable)
        let template = try Fixtures.decode(JSONValue.self, "PetfoodStock/stock-purchased.json")
        // Six orders of 5 each against 25 in stock: five fit, the sixth floors the stock at 0.
        let running = try (0..<6).map { index in
            try CatalogStack.start("PetfoodStock", event: template
                .setting("detail.order_id", to: .string("loop-\(food)-\(index)"))
                .setting("detail.items", to: [["food_id": .string(food), "quantity": 5, "unit_price": "9.99"]]),
                variables: variables)
        }
        let summaries = try running.map { try $0.wait().decode(OrderSummary.self) }
        #expect(summaries.allSatisfy { $0.status == .applied })
        #expect(summaries.map { $0.items[0].stockAfter }.sorted() == [0, 0, 5, 10, 15, 20])
        #expect(try await CatalogStack.stock(of: food, in: dynamoDB, table: Self.foodsTable) == 0)
    }
}

extension CatalogStack {
    /// `fixture` with its order id and its items' food ids replaced (the first items keep their quantities).
    static func order(_ fixture: String, id: String, foods: [String]) throws -> JSONValue {
        let event = try Fixtures.decode(JSONValue.self, "PetfoodStock/\(fixture)")
        guard case .array(let items)? = event["detail"]?["items"] else { return event }
        let replaced = zip(items, foods).map { item, food in item.setting("food_id", to: .string(food)) }
        return event.setting("detail.order_id", to: .string(id)).setting("detail.items", to: .array(replaced))
    }

    static func addFood(_ id: String, stock: Int, in dynamoDB: DynamoDB, table: String, image: String? = nil) async throws {
        var item: DynamoDB.Item = ["id": .s(id), "name": .s("Integration food \(id)"), "stock_quantity": .number(stock)]
        if let image { item["image"] = .s(image) }
        try await dynamoDB.putItem(table: table, item: item)
    }

    static func stock(of food: String, in dynamoDB: DynamoDB, table: String) async throws -> Int? {
        try await dynamoDB.getItem(table: table, key: ["id": .s(food)], consistentRead: true)?["stock_quantity"]?.int
    }
}
