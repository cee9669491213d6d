import PetDatabase
import PostgresNIO

/// Where customers are stored.
protocol UserStore: Sendable {
    /// Stores `user` unless a user with that id exists; returns whether it was created now.
    func insert(_ user: FakeUser) async throws -> Bool
}

/// The `users` table. `ON CONFLICT DO NOTHING` makes a redelivered message a no-op, and keeps the first
/// row when two deliveries race.
struct PostgresUserStore: UserStore {
    let database: DatabaseClient

    func insert(_ user: FakeUser) async throws -> Bool {
        try await database.withConnection { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO users (user_id, full_name, email, address)
                VALUES (\(user.userId), \(user.fullName), \(user.email), \(user.address))
                ON CONFLICT (user_id) DO NOTHING
                RETURNING user_id
                """, logger: connection.logger
            ).collect()
            return !inserted.isEmpty
        }
    }
}
