import LambdaSystem

/// The foods table's stock and the record of orders already applied, changed together or not at all.
protocol StockLedger: Sendable {
    /// What the table holds for `foodID` now (a strongly consistent read).
    func currentStock(of foodID: String) async throws -> CurrentStock

    /// Whether an order with this idempotency key was applied and its record has not expired at `now`.
    func isRecorded(_ key: String, now: Timestamp) async throws -> Bool

    /// In one transaction: records the order under `record.key` and sets each food's stock to
    /// `newUnits`, provided the record does not exist yet (or has expired) and every food's stock is still
    /// exactly what `change.expectedUnits` says. Nothing is written unless everything is.
    func commit(_ changes: [StockChange], record: OrderRecord, now: Timestamp) async throws -> CommitOutcome
}

/// A food's stock as read from the table.
enum CurrentStock: Equatable, Sendable {
    /// No food item has this id.
    case noSuchFood
    /// The item exists but has no `stock_quantity`: it counts as none in stock.
    case untracked
    case units(Int)
}

/// The new stock of one food, conditional on the stock read before computing it.
struct StockChange: Equatable, Sendable {
    var foodID: String
    /// The `stock_quantity` read; nil when the item had none.
    var expectedUnits: Int?
    var newUnits: Int
}

/// The idempotency record of an applied order, laid out as Powertools' idempotency utility does.
struct OrderRecord: Equatable, Sendable {
    /// `<function name>#<order id>`.
    var key: String
    /// When the record may be forgotten (the table's TTL attribute `expiration`, epoch seconds).
    var expiration: Timestamp
}

enum CommitOutcome: Equatable, Sendable {
    case applied
    /// The order's record was already there: an earlier delivery applied it.
    case alreadyApplied
    /// A food's stock changed since it was read, or another transaction held an item: read and try again.
    case contended
}
