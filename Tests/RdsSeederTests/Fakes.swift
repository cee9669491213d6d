import Synchronization

@testable import RdsSeeder

/// Migrations recorded in memory, like `schema_migrations`; can be told to fail one version.
final class InMemorySchemaStore: SchemaStore {
    private let state = Mutex<(applied: [Int], calls: Int)>(([], 0))
    let failingVersion: Int?

    init(alreadyApplied: [Int] = [], failingVersion: Int? = nil) {
        self.failingVersion = failingVersion
        state.withLock { $0.applied = alreadyApplied }
    }

    var appliedVersions: [Int] { state.withLock { $0.applied } }
    var calls: Int { state.withLock { $0.calls } }

    func apply(_ migration: Migration) async throws -> Bool {
        try state.withLock { state in
            state.calls += 1
            if migration.version == failingVersion { throw FakeDatabaseError() }
            guard !state.applied.contains(migration.version) else { return false }
            state.applied.append(migration.version)
            return true
        }
    }
}

struct FakeDatabaseError: Error, CustomStringConvertible {
    var description: String { "42P07 relation \"users\" already exists" }
}

/// Keeps what would have been PUT to CloudFormation.
final class RecordingResponder: CustomResourceResponder {
    private let sent = Mutex<[(url: String, body: [UInt8])]>([])
    let fails: Bool

    init(fails: Bool = false) {
        self.fails = fails
    }

    var requests: [(url: String, body: [UInt8])] { sent.withLock { $0 } }

    func send(_ body: [UInt8], to responseURL: String) async throws {
        if fails { throw ResponseURLUnreachable() }
        sent.withLock { $0.append((responseURL, body)) }
    }
}

struct ResponseURLUnreachable: Error {}

/// A database that never answers in time.
struct HangingSchemaStore: SchemaStore {
    func apply(_ migration: Migration) async throws -> Bool {
        try await Task.sleep(for: .seconds(60))
        return true
    }
}
