import Synchronization

@testable import UserCreator

/// The `users` table in memory: first insert wins, like `ON CONFLICT DO NOTHING`.
final class InMemoryUserStore: UserStore {
    private let rows = Mutex<[String: FakeUser]>([:])
    /// Ids whose insert fails, as a database error would.
    let failingUserIds: Set<String>

    init(failingUserIds: Set<String> = []) {
        self.failingUserIds = failingUserIds
    }

    var users: [String: FakeUser] { rows.withLock { $0 } }

    func insert(_ user: FakeUser) async throws -> Bool {
        if failingUserIds.contains(user.userId) { throw FakeWriteError(userId: user.userId) }
        return rows.withLock { rows in
            guard rows[user.userId] == nil else { return false }
            rows[user.userId] = user
            return true
        }
    }
}

struct FakeWriteError: Error, CustomStringConvertible {
    var userId: String
    var description: String { "22001 value too long for type character varying(10)" }
}

/// A user pool in memory: usernames are unique, an existing one answers false.
final class InMemoryUserDirectory: UserDirectory {
    private let state = Mutex<[String: String]>([:])
    let unavailable: Bool

    init(existing: [String: String] = [:], unavailable: Bool = false) {
        self.unavailable = unavailable
        state.withLock { $0 = existing }
    }

    var emailsByUsername: [String: String] { state.withLock { $0 } }

    func createUser(username: String, email: String, fullName: String) async throws -> Bool {
        if unavailable { throw DirectoryUnavailable() }
        return state.withLock { users in
            guard users[username] == nil else { return false }
            users[username] = email
            return true
        }
    }
}

struct DirectoryUnavailable: Error {}
