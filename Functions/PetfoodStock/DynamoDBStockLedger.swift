import AWSClients
import PetDomain
import LambdaSystem

/// The foods table (`FOODS_TABLE_NAME`, key `id`, stock in `stock_quantity`) and the idempotency table
/// (`IDEMPOTENCY_TABLE_NAME`, key `id`, TTL attribute `expiration`), changed in one DynamoDB transaction.
struct DynamoDBStockLedger: StockLedger {
    let dynamoDB: DynamoDB
    let foodsTable: String
    let idempotencyTable: String

    func currentStock(of foodID: String) async throws -> CurrentStock {
        guard let item = try await dynamoDB.getItem(table: foodsTable, key: ["id": .s(foodID)], consistentRead: true)
        else { return .noSuchFood }
        guard let stock = item["stock_quantity"] else { return .untracked }
        guard let units = stock.int else { throw UnreadableStock(foodID: foodID, value: stock) }
        return .units(units)
    }

    func isRecorded(_ key: String, now: Timestamp) async throws -> Bool {
        guard let record = try await dynamoDB.getItem(table: idempotencyTable, key: ["id": .s(key)], consistentRead: true)
        else { return false }
        // DynamoDB deletes expired items only eventually; until then they must not count.
        return record["expiration"]?.int.map { $0 > Self.epochSeconds(now) } ?? true
    }

    func commit(_ changes: [StockChange], record: OrderRecord, now: Timestamp) async throws -> CommitOutcome {
        let recordAction = TransactWriteAction.put(
            table: idempotencyTable,
            item: ["id": .s(record.key), "status": "COMPLETED", "expiration": .number(Self.epochSeconds(record.expiration))],
            DynamoDB.Expressions(condition: "attribute_not_exists(id) OR expiration < :now",
                                 values: [":now": .number(Self.epochSeconds(now))]))
        let stockActions = changes.map { change in
            var values: DynamoDB.Item = [":units": .number(change.newUnits), ":at": .s(now.iso8601)]
            let condition: String
            if let expected = change.expectedUnits {
                condition = "stock_quantity = :expected"
                values[":expected"] = .number(expected)
            } else {
                condition = "attribute_exists(id) AND attribute_not_exists(stock_quantity)"
            }
            return TransactWriteAction.update(
                table: foodsTable, key: ["id": .s(change.foodID)], update: "SET stock_quantity = :units, updated_at = :at",
                DynamoDB.Expressions(condition: condition, values: values))
        }
        do {
            try await dynamoDB.transactWriteItems([recordAction] + stockActions)
            return .applied
        } catch let cancelled as DynamoDB.TransactionCanceled {
            // One reason per action, in order: the first is the order's record.
            if cancelled.reasons.first?.code == "ConditionalCheckFailed" { return .alreadyApplied }
            let retryable: Set<String> = ["ConditionalCheckFailed", "TransactionConflict"]
            guard cancelled.reasons.contains(where: { retryable.contains($0.code) }) else { throw cancelled }
            return .contended
        } catch let error as AWSError where error.code == "TransactionConflictException" {
            return .contended
        }
    }

    private static func epochSeconds(_ time: Timestamp) -> Int {
        Int(time.secondsSince1970)
    }
}

/// A food item whose `stock_quantity` is not a whole number.
struct UnreadableStock: Error, CustomStringConvertible {
    var foodID: String
    var value: AttributeValue

    var description: String { "stock_quantity of food \(foodID) is not a whole number: \(value)" }
}
