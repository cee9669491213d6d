#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSClients
import LambdaEvents
import LambdaJSON
import LambdaRuntime
import LambdaTesting
import PetDomainTesting
@testable import PetfoodStock
import Testing
import LambdaSystem

struct PetfoodStockHandlerTests {
    static let veggie = "F046a4eca"
    static let kibbles = "Fecd30d31"
    static let crunchies = "F36a222eb"
    static let catnip = "Fc7f447a1"

    func handler(_ ledger: InMemoryStockLedger) -> PetfoodStockHandler<InMemoryStockLedger> {
        var keeper = StockKeeper(ledger: ledger, functionName: "PetfoodStock")
        keeper.retry = RetryPolicy(maxAttempts: 200, baseDelay: .microseconds(50), maxDelay: .milliseconds(2))
        return PetfoodStockHandler(keeper: keeper)
    }

    func order(_ output: StockOutput) throws -> OrderSummary {
        guard case .order(let summary) = output else { throw UnexpectedOutput(output: output) }
        return summary
    }

    struct UnexpectedOutput: Error { var output: StockOutput }

    @Test func stringPricesAreAcceptedAndStockDecreases() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100, Self.kibbles: 50])
        let summary = try order(await handler(ledger).invoke(fixture: "PetfoodStock/stock-purchased.json"))
        #expect(summary.status == .applied)
        #expect(summary.totalAmount == JSONNumber("32.97"))
        #expect(summary.items == [
            .init(foodID: Self.veggie, ordered: 2, stockBefore: 100, stockAfter: 98),
            .init(foodID: Self.kibbles, ordered: 1, stockBefore: 50, stockAfter: 49),
        ])
        #expect(await ledger.stock == [Self.veggie: 98, Self.kibbles: 49])
        #expect(await ledger.records.keys.sorted() == ["PetfoodStock#order-7f3a9c21"])
    }

    @Test func numericPricesAreAcceptedToo() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.crunchies: 10])
        let summary = try order(await handler(ledger).invoke(fixture: "PetfoodStock/stock-purchased-numeric-prices.json"))
        #expect(summary.totalAmount == JSONNumber("22.47"))
        #expect(await ledger.stock[Self.crunchies] == 7)
    }

    @Test func quantityAsStringIsAcceptedButAFractionIsNot() throws {
        let decode = { (quantity: String) throws in
            try JSONDecoder().decode(PurchasedItem.self, from: Data(#"{"food_id": "F1", "quantity": \#(quantity)}"#.utf8))
        }
        #expect(try decode(#""3""#).quantity == 3)
        #expect(try decode("2.0").quantity == 2)
        #expect(throws: DecodingError.self) { try decode("1.5") }
        #expect(throws: DecodingError.self) { try decode("0") }
        #expect(throws: DecodingError.self) { try decode(#""lots""#) }
    }

    @Test func theSameOrderDeliveredTwiceChangesStockOnce() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100, Self.kibbles: 50])
        let handler = handler(ledger)
        _ = try await handler.invoke(fixture: "PetfoodStock/stock-purchased.json")
        let second = try order(await handler.invoke(fixture: "PetfoodStock/stock-purchased.json"))
        #expect(second.status == .alreadyApplied)
        #expect(await ledger.stock == [Self.veggie: 98, Self.kibbles: 49])
        #expect(await ledger.commits == 1)
    }

    @Test func aDuplicateRacingTheFirstDeliveryIsCaughtByTheTransaction() async throws {
        // Both deliveries read "not recorded"; the transaction's record condition stops the second.
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100, Self.kibbles: 50])
        let handler = handler(ledger)
        async let first = handler.invoke(fixture: "PetfoodStock/stock-purchased.json")
        async let second = handler.invoke(fixture: "PetfoodStock/stock-purchased.json")
        let statuses = try await [order(first).status, order(second).status]
        #expect(statuses.sorted { $0.rawValue < $1.rawValue } == [.alreadyApplied, .applied])
        #expect(await ledger.stock == [Self.veggie: 98, Self.kibbles: 49])
    }

    @Test func anExpiredRecordDoesNotBlockTheOrder() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100, Self.kibbles: 50],
                                         records: ["PetfoodStock#order-7f3a9c21": .now() - .seconds(1)])
        let summary = try order(await handler(ledger).invoke(fixture: "PetfoodStock/stock-purchased.json"))
        #expect(summary.status == .applied)
        #expect(await ledger.stock[Self.veggie] == 98)
    }

    @Test func stockIsFlooredAtZeroWithWarnings() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 1, Self.kibbles: 5])
        let logs = LogCapture()
        let summary = try order(await handler(ledger).invoke(fixture: "PetfoodStock/stock-purchased.json",
                                                             context: .test(logger: logs.logger())))
        #expect(summary.items.map(\.stockAfter) == [0, 4])
        #expect(await ledger.stock == [Self.veggie: 0, Self.kibbles: 4])
        let warnings = logs.records.filter { $0.level == .warning }
        #expect(warnings.contains { $0.message == "out of stock" && $0.metadata["food_id"] == Self.veggie })
        #expect(warnings.contains { $0.message.contains("floored at 0") && $0.metadata["food_id"] == Self.veggie })
        #expect(warnings.contains { $0.message == "low stock" && $0.metadata["food_id"] == Self.kibbles })
    }

    @Test func anItemWithoutStockQuantityCountsAsNoneInStock() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: nil, Self.kibbles: 50])
        let summary = try order(await handler(ledger).invoke(fixture: "PetfoodStock/stock-purchased.json"))
        #expect(summary.items.first == .init(foodID: Self.veggie, ordered: 2, stockBefore: 0, stockAfter: 0))
        #expect(await ledger.stock == [Self.veggie: 0, Self.kibbles: 49])
    }

    @Test func anUnknownFoodRejectsTheWholeOrder() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100])
        await #expect(throws: UnknownFoods(orderID: "order-unknown-1", foodIDs: ["Fdeadbeef"])) {
            try await handler(ledger).invoke(fixture: "PetfoodStock/stock-purchased-unknown-food.json")
        }
        #expect(await ledger.stock == [Self.veggie: 100])
        #expect(await ledger.records.isEmpty)
    }

    @Test func linesOfTheSameFoodAreMerged() {
        let items = [(Self.veggie, 2), (Self.kibbles, 1), (Self.veggie, 3)].map { id, quantity in
            try! JSONDecoder().decode(PurchasedItem.self, from: Data(#"{"food_id": "\#(id)", "quantity": \#(quantity)}"#.utf8))
        }
        #expect(OrderLine.merging(items) == [OrderLine(foodID: Self.veggie, quantity: 5),
                                             OrderLine(foodID: Self.kibbles, quantity: 1)])
    }

    @Test func transactionConflictsAreRetried() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100, Self.kibbles: 50])
        await ledger.simulateConflicts(3)
        let summary = try order(await handler(ledger).invoke(fixture: "PetfoodStock/stock-purchased.json"))
        #expect(summary.status == .applied)
        #expect(await ledger.contentions == 3)
        #expect(await ledger.stock == [Self.veggie: 98, Self.kibbles: 49])
    }

    @Test func contentionThatNeverEndsIsAnErrorAndChangesNothing() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100, Self.kibbles: 50])
        await ledger.simulateConflicts(1000)
        var keeper = StockKeeper(ledger: ledger, functionName: "PetfoodStock")
        keeper.retry = RetryPolicy(maxAttempts: 3, baseDelay: .microseconds(10), maxDelay: .microseconds(10))
        await #expect(throws: StockContention(orderID: "order-7f3a9c21", attempts: 3)) {
            try await PetfoodStockHandler(keeper: keeper).invoke(fixture: "PetfoodStock/stock-purchased.json")
        }
        #expect(await ledger.stock == [Self.veggie: 100, Self.kibbles: 50])
    }

    @Test func fiftyConcurrentOrdersLoseNoUpdate() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 1000, Self.kibbles: 1000])
        let handler = handler(ledger)
        let template = try Fixtures.decode(EventBridgeEvent<JSONValue>.self, "PetfoodStock/stock-purchased.json")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                var event = template
                event.detail = event.detail.setting("order_id", to: .string("order-concurrent-\(index)"))
                let bytes = try LambdaPayload.encode(event)
                group.addTask { _ = try await handler.invoke(bytes: bytes) }
            }
            try await group.waitForAll()
        }
        // Each order takes 2 Fresh Veggie Mix and 1 Beef and Turkey Kibbles.
        #expect(await ledger.stock == [Self.veggie: 900, Self.kibbles: 950])
        #expect(await ledger.commits == 50)
    }

    @Test func otherEventKindsAreIgnoredWithALogLine() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100])
        let logs = LogCapture()
        let output = try await handler(ledger).invoke(fixture: "PetfoodStock/food-item-created.json",
                                                      context: .test(logger: logs.logger()))
        #expect(output == .ignored)
        #expect(String(decoding: try LambdaPayload.encode(output), as: UTF8.self) == #"{"status":"ignored"}"#)
        #expect(logs.records.contains { $0.message == "ignored event" && $0.metadata["kind"] == "FoodItemCreated" })
        #expect(await ledger.stock == [Self.veggie: 100])
    }

    @Test func anOrderWrappedInSQSIsApplied() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.catnip: 20])
        let output = try await handler(ledger).invoke(fixture: "PetfoodStock/sqs-stock-purchased.json")
        #expect(output == .batch(SQSBatchResponse()))
        #expect(await ledger.stock[Self.catnip] == 16)
    }

    @Test func aBadSQSRecordFailsOnlyItself() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.catnip: 20])
        let output = try await handler(ledger).invoke(fixture: "PetfoodStock/sqs-mixed-batch.json")
        #expect(output == .batch(SQSBatchResponse(failedMessageIds: [
            "3f2535e5-0807-46ab-9295-ad03773f7eb9", "4a3646f6-1918-47bc-a3a6-be14884a8fca",
        ])))
        #expect(await ledger.stock[Self.catnip] == 16)
    }

    @Test func aFractionalQuantityMakesTheEventInvalid() async throws {
        let ledger = InMemoryStockLedger(stock: [Self.veggie: 100])
        let failure = await #expect(throws: InvocationFailure.self) {
            try await handler(ledger).invoke(fixture: "PetfoodStock/stock-purchased-invalid-quantity.json")
        }
        #expect(failure?.errorType == "Runtime.UnmarshalError")
    }
}
