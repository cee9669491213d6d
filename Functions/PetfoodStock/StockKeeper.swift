import LambdaJSON
import AWSClients
import Logging
import LambdaSystem

/// Takes an order's items out of stock, once per order, never below zero.
///
/// All or nothing per order: the stock of every item and the order's idempotency record are written in
/// one transaction, so an order naming an unknown food changes nothing (and is reported as an error
/// naming the food), and a redelivered order finds its record and changes nothing either.
/// Each new stock level is computed from a fresh read and written on condition that the level is still
/// the one read, which keeps concurrent orders from losing each other's updates: a loser reads again.
struct StockKeeper<Ledger: StockLedger>: Sendable {
    let ledger: Ledger
    /// The prefix of idempotency keys, as Powertools uses the function's name.
    let functionName: String
    /// Attempts and backoff (exponential, full jitter) for orders that lost a race; only its pacing is used,
    /// since a lost race is an outcome here, not an error.
    var retry = RetryPolicy(maxAttempts: 30, baseDelay: .milliseconds(10), maxDelay: .milliseconds(500))
    /// How long an order's record stays: longer than any redelivery of an applied order (EventBridge retries
    /// handing it to Lambda for up to an hour, Lambda's async retries last up to 6 hours). A failed order
    /// records nothing, so redriving it from the on-failure queue later applies it once.
    var recordLifetime: Duration = .seconds(24 * 60 * 60)

    static var lowStockThreshold: Int { 10 }

    func apply(_ order: StockPurchased, logger: Logger) async throws -> OrderSummary {
        let key = "\(functionName)#\(order.orderID)"
        let lines = OrderLine.merging(order.items)
        if try await ledger.isRecorded(key, now: .now()) {
            return logDuplicate(order, logger: logger)
        }
        for attempt in 1...retry.maxAttempts {
            if attempt > 1 {
                try await retry.sleep(retry.delay(beforeRetry: attempt - 1))
            }
            let changes = try await plannedChanges(for: lines, orderID: order.orderID)
            let now = Timestamp.now()
            let record = OrderRecord(key: key, expiration: now + recordLifetime)
            switch try await ledger.commit(changes, record: record, now: now) {
            case .applied:
                return logApplied(order, lines: lines, changes: changes, attempts: attempt, logger: logger)
            case .alreadyApplied:
                return logDuplicate(order, logger: logger)
            case .contended:
                continue
            }
        }
        throw StockContention(orderID: order.orderID, attempts: retry.maxAttempts)
    }

    private func plannedChanges(for lines: [OrderLine], orderID: String) async throws -> [StockChange] {
        var changes: [StockChange] = []
        var unknown: [String] = []
        for line in lines {
            let expected: Int?
            switch try await ledger.currentStock(of: line.foodID) {
            case .noSuchFood:
                unknown.append(line.foodID)
                continue
            case .untracked: expected = nil
            case .units(let units): expected = units
            }
            let newUnits = max(0, (expected ?? 0) - line.quantity)
            changes.append(StockChange(foodID: line.foodID, expectedUnits: expected, newUnits: newUnits))
        }
        guard unknown.isEmpty else { throw UnknownFoods(orderID: orderID, foodIDs: unknown) }
        return changes
    }

    private func logApplied(_ order: StockPurchased, lines: [OrderLine], changes: [StockChange], attempts: Int,
                            logger: Logger) -> OrderSummary {
        var items: [OrderSummary.Item] = []
        for (line, change) in zip(lines, changes) {
            let before = change.expectedUnits ?? 0
            let metadata: Logger.Metadata = [
                "order_id": "\(order.orderID)", "food_id": "\(line.foodID)",
                "ordered": "\(line.quantity)", "stock_before": "\(before)", "stock_after": "\(change.newUnits)",
            ]
            if line.quantity > before {
                logger.warning("ordered more than was in stock; stock floored at 0", metadata: metadata)
            }
            if change.newUnits == 0 {
                logger.warning("out of stock", metadata: metadata)
            } else if change.newUnits < Self.lowStockThreshold {
                logger.warning("low stock", metadata: metadata)
            }
            items.append(.init(foodID: line.foodID, ordered: line.quantity, stockBefore: before,
                               stockAfter: change.newUnits))
        }
        logger.info("order applied to stock", metadata: [
            "order_id": "\(order.orderID)", "items": "\(items.count)", "attempts": "\(attempts)",
            "total_amount": "\(order.totalAmount.map { "\($0)" } ?? "-")",
        ])
        return OrderSummary(orderID: order.orderID, status: .applied, items: items, totalAmount: order.totalAmount)
    }

    private func logDuplicate(_ order: StockPurchased, logger: Logger) -> OrderSummary {
        logger.info("order already applied; stock left as is", metadata: ["order_id": "\(order.orderID)"])
        return OrderSummary(orderID: order.orderID, status: .alreadyApplied, items: [], totalAmount: order.totalAmount)
    }
}

/// One food's quantity in an order: lines naming the same food add up, since a transaction may touch an
/// item only once.
struct OrderLine: Equatable, Sendable {
    var foodID: String
    var quantity: Int

    static func merging(_ items: [PurchasedItem]) -> [OrderLine] {
        var lines: [OrderLine] = []
        for item in items {
            if let index = lines.firstIndex(where: { $0.foodID == item.foodID }) {
                lines[index].quantity += item.quantity
            } else {
                lines.append(OrderLine(foodID: item.foodID, quantity: item.quantity))
            }
        }
        return lines
    }
}

/// What became of an order.
struct OrderSummary: Codable, Equatable, Sendable {
    enum Status: String, Codable, Sendable { case applied, alreadyApplied = "already_applied" }

    struct Item: Codable, Equatable, Sendable {
        var foodID: String
        var ordered: Int
        var stockBefore: Int
        var stockAfter: Int

        enum CodingKeys: String, CodingKey {
            case foodID = "food_id", ordered, stockBefore = "stock_before", stockAfter = "stock_after"
        }
    }

    var orderID: String
    var status: Status
    var items: [Item]
    var totalAmount: JSONNumber?

    enum CodingKeys: String, CodingKey { case orderID = "order_id", status, items, totalAmount = "total_amount" }
}

/// An order naming foods the table does not have: nothing of the order was applied.
struct UnknownFoods: Error, Equatable, CustomStringConvertible {
    var orderID: String
    var foodIDs: [String]

    var description: String {
        "order \(orderID) names unknown food id(s) \(foodIDs.joined(separator: ", ")); no stock was changed"
    }
}

/// Other orders kept winning the race for the same foods; the order was not applied and may be retried.
struct StockContention: Error, Equatable, CustomStringConvertible {
    var orderID: String
    var attempts: Int

    var description: String { "order \(orderID) not applied: stock kept changing over \(attempts) attempts" }
}
