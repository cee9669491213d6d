/// One versioned step of the schema, applied once and recorded in `schema_migrations`.
///
/// Migrations only ever add: a step that drops or rewrites data never belongs here. The first steps use
/// `IF NOT EXISTS` because databases seeded before migrations were recorded already have those tables.
struct Migration: Sendable, Equatable {
    var version: Int
    var name: String
    var statements: [String]

    /// `0001_create_users`: how reports and logs name it.
    var label: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name
    }
}

extension Migration {
    /// The pet store's schema, oldest first. Append new versions; never edit an applied one.
    static let petStore: [Migration] = [
        Migration(version: 1, name: "create_users", statements: [
            """
            CREATE TABLE IF NOT EXISTS users (
                user_id varchar(10) PRIMARY KEY,
                full_name varchar(100),
                email varchar(100) NOT NULL,
                address text NOT NULL,
                created_at timestamptz DEFAULT now()
            )
            """,
        ]),
        Migration(version: 2, name: "create_transactions", statements: [
            """
            CREATE TABLE IF NOT EXISTS transactions (
                id serial PRIMARY KEY,
                pet_id varchar(10),
                pet_type varchar(20),
                user_id varchar(10),
                transaction_id varchar(50),
                adoption_date timestamptz DEFAULT now(),
                status varchar(20) DEFAULT 'completed',
                notes text
            )
            """,
        ]),
        Migration(version: 3, name: "index_transactions_user_id", statements: [
            "CREATE INDEX IF NOT EXISTS transactions_user_id_idx ON transactions (user_id)",
        ]),
    ]
}

/// What a run did: the migrations it applied now and those an earlier run had applied.
struct MigrationReport: Codable, Sendable, Equatable {
    var applied: [String] = []
    var alreadyApplied: [String] = []
}

/// A migration that could not be applied; the ones before it stay applied, it and later ones do not.
struct MigrationFailed: Error, CustomStringConvertible {
    var migration: String
    var reason: String

    var description: String { "migration \(migration) failed: \(reason)" }
}

/// The function's deadline came before the migrations finished.
struct MigrationTimedOut: Error, CustomStringConvertible {
    var budget: Duration
    var description: String {
        "migrations did not finish within \(budget) (the function's timeout less the time to answer)"
    }
}
