import PetDatabase
import PostgresNIO

/// Where migrations are applied and recorded.
protocol SchemaStore: Sendable {
    /// Applies `migration` unless it is recorded already; returns whether it ran now.
    func apply(_ migration: Migration) async throws -> Bool
}

/// Applies and records each migration in its own transaction, under a transaction-scoped advisory lock,
/// so concurrent seeders (two stacks deploying, a retry overlapping the first try) take turns: the second
/// finds the version recorded and skips it. A failing migration rolls back entirely, record included.
struct PostgresSchemaStore: SchemaStore {
    /// The advisory lock every seeder takes: an arbitrary constant ("petstore" in ASCII) no other code uses.
    static let lockKey: Int64 = 0x7065_7473_746F_7265

    let database: DatabaseClient

    func apply(_ migration: Migration) async throws -> Bool {
        try await database.withTransaction { connection in
            let logger = connection.logger
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            let recorded = try await connection.query(
                "SELECT version FROM schema_migrations WHERE version = \(migration.version)", logger: logger
            ).collect()
            guard recorded.isEmpty else { return false }
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query(
                "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                logger: logger)
            return true
        }
    }
}
