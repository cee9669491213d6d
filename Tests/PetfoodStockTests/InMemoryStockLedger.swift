#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSClients
@testable import PetfoodStock
import LambdaSystem

/// The foods and idempotency tables in memory, with DynamoDB's transaction semantics: a commit checks
/// every condition first and writes all or nothing. Reads and commits are separate calls, so concurrent
/// orders interleave between them exactly as they can against DynamoDB.
actor InMemoryStockLedger: StockLedger {
    /// Food id → `stock_quantity` (nil: the item has none).
    private(set) var stock: [String: Int?]
    private(set) var records: [String: Timestamp]
    private(set) var commits = 0
    private(set) var contentions = 0
    /// Simulated `TransactionConflict`s still to answer before commits go through.
    var conflictsToSimulate = 0

    init(stock: [String: Int?], records: [String: Timestamp] = [:]) {
        self.stock = stock
        self.records = records
    }

    func currentStock(of foodID: String) -> CurrentStock {
        guard let units = stock[foodID] else { return .noSuchFood }
        return units.map(CurrentStock.units) ?? .untracked
    }

    func isRecorded(_ key: String, now: Timestamp) -> Bool {
        records[key].map { $0 > now } ?? false
    }

    func commit(_ changes: [StockChange], record: OrderRecord, now: Timestamp) -> CommitOutcome {
        if conflictsToSimulate > 0 {
            conflictsToSimulate -= 1
            contentions += 1
            return .contended
        }
        if isRecorded(record.key, now: now) { return .alreadyApplied }
        let unchanged = changes.allSatisfy { change in
            // A food deleted since it was read fails the condition too.
            stock[change.foodID].map { $0 == change.expectedUnits } ?? false
        }
        guard unchanged else {
            contentions += 1
            return .contended
        }
        for change in changes { stock[change.foodID] = change.newUnits }
        records[record.key] = record.expiration
        commits += 1
        return .applied
    }

    func setStock(_ units: Int?, of foodID: String) {
        stock[foodID] = units
    }

    func simulateConflicts(_ count: Int) {
        conflictsToSimulate = count
    }
}
