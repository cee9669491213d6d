import Logging
import PostgresNIO

/// One PostgreSQL connection kept across invocations of a warm function.
///
/// A function serves one invocation at a time, so one connection is all it needs: no pool, no background
/// keep-alive timers firing while Lambda has the process frozen. The connection opens on first use;
/// `withConnection` reopens it when it was closed (idle timeout, failover) and, when the server refuses the
/// password, fetches the credentials again once (the secret may have been rotated).
public actor DatabaseClient {
    private let credentialsSource: any CredentialsSource
    private let tls: DatabaseTLS
    private let connectionTLS: PostgresConnection.Configuration.TLS
    private let logger: Logger
    private var credentials: DatabaseCredentials?
    private var connection: PostgresConnection?
    private var connectionCount = 0

    /// Throws when the TLS setting is unusable (e.g. its root certificates are not PEM), so a
    /// misconfigured function fails at init rather than on every record.
    public init(credentials: any CredentialsSource, tls: DatabaseTLS, logger: Logger) throws {
        self.credentialsSource = credentials
        self.tls = tls
        self.connectionTLS = try tls.connectionTLS()
        self.logger = logger
    }

    /// Runs `body` on the open connection. `body` is retried once on a fresh connection when the
    /// connection turned out to be dead, so it must be safe to run twice (our writes are idempotent).
    public func withConnection<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await body(try await openConnection(refreshCredentials: false))
        } catch let error as PSQLError where error.isAuthenticationFailure {
            logger.warning("database refused the credentials; fetching them again")
            await dropConnection()
            return try await body(try await openConnection(refreshCredentials: true))
        } catch let error as PSQLError where error.isConnectionLost {
            logger.warning("database connection lost; reconnecting", metadata: ["error": "\(error.summary)"])
            await dropConnection()
            return try await body(try await openConnection(refreshCredentials: false))
        }
    }

    /// Runs `body` in a transaction (BEGIN ... COMMIT, ROLLBACK when it throws), with the same reconnect rule.
    public func withTransaction<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let logger = self.logger
        return try await withConnection { connection in
            try await connection.withTransaction(logger: logger) { try await body($0) }
        }
    }

    /// Closes the connection (tests; a function never needs to).
    public func close() async {
        await dropConnection()
    }

    private func openConnection(refreshCredentials: Bool) async throws -> PostgresConnection {
        if let connection, !connection.isClosed, !refreshCredentials {
            return connection
        }
        if credentials == nil || refreshCredentials {
            credentials = try await credentialsSource.credentials(refresh: refreshCredentials)
        }
        guard let credentials else { preconditionFailure("credentials were just loaded") }
        let configuration = PostgresConnection.Configuration(
            host: credentials.host, port: credentials.port, username: credentials.username,
            password: credentials.password, database: credentials.database, tls: connectionTLS)
        connectionCount += 1
        logger.info("connecting to PostgreSQL", metadata: ["database": "\(credentials)", "tls": "\(tls)"])
        do {
            let opened = try await PostgresConnection.connect(
                configuration: configuration, id: connectionCount, logger: logger)
            connection = opened
            return opened
        } catch {
            throw tls.refusal(of: error, host: credentials.host) ?? error
        }
    }

    private func dropConnection() async {
        guard let connection else { return }
        self.connection = nil
        try? await connection.close()
    }
}

extension PSQLError {
    /// 28P01 invalid_password, 28000 invalid_authorization_specification.
    var isAuthenticationFailure: Bool {
        code == .server && ["28P01", "28000"].contains(serverInfo?[.sqlState])
    }

    var isConnectionLost: Bool {
        [.serverClosedConnection, .uncleanShutdown, .clientClosedConnection].contains(code)
    }

    /// What went wrong, for logs and error messages. `PSQLError.description` is deliberately vague (it
    /// must not leak query data); this says the SQLSTATE and the server's message, never the bound values.
    public var summary: String {
        if code == .server, let info = serverInfo {
            return "\(info[.sqlState] ?? "?????") \(info[.message] ?? "server error")"
        }
        if let underlying { return "\(code): \(underlying)" }
        return "\(code)"
    }
}

/// An error as logs and error messages should show it: a database error's SQLSTATE and message (never
/// the query's bound values), anything else as it describes itself.
public func describeDatabaseError(_ error: any Error) -> String {
    (error as? PSQLError)?.summary ?? "\(error)"
}
