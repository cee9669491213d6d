import Foundation
import Logging
import PetDatabase
import PostgresNIO
import Testing

/// The TLS guarantees RdsSeeder and UserCreator rely on, against the stack's real PostgreSQL
/// (`scripts/postgres-tls`: hostssl only, a private CA).
@Suite struct PetDatabaseIntegrationTests {
    @Test func theServerRefusesPlaintextConnections() throws {
        let stack = try AdoptionStack()
        let error = #expect(throws: CommandFailed.self) {
            try stack.psql("SELECT 1", settings: ["PGSSLMODE": "disable"])
        }
        #expect(error?.result.stderr.contains("no encryption") == true)
    }

    @Test func verifyFullWithTheStacksRootCertificateConnectsOverTLS() async throws {
        let stack = try AdoptionStack()
        let client = try DatabaseClient(
            credentials: StaticCredentials(stack.credentials),
            tls: .verifyFull(.file(path: try #require(stack.postgres["PGSSLROOTCERT"]))),
            logger: Logger(label: "test"))
        let version = try await client.withConnection { connection in
            let rows = try await connection.query(
                "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: connection.logger)
            var result: [(Bool, String)] = []
            for try await (ssl, version) in rows.decode((Bool, String).self) { result.append((ssl, version)) }
            return result.first.map { $0.0 ? $0.1 : "plaintext" }
        }
        await client.close()
        #expect(version?.hasPrefix("TLSv1.") == true)
    }

    @Test func verifyFullWithAnotherRootCertificateFails() async throws {
        let stack = try AdoptionStack()
        let otherCA = try makeUnrelatedCertificateAuthority()
        let client = try DatabaseClient(
            credentials: StaticCredentials(stack.credentials), tls: .verifyFull(.file(path: otherCA)),
            logger: Logger(label: "test"))
        let error = await #expect(throws: DatabaseServerNotVerified.self) {
            try await client.withConnection { connection in
                try await connection.query("SELECT 1", logger: connection.logger).collect().count
            }
        }
        await client.close()
        #expect(error?.description.contains("root certificates from PGSSLROOTCERT \(otherCA)") == true, "\(String(describing: error))")
    }

    @Test func requireModeEncryptsWithoutCheckingTheCertificate() async throws {
        let stack = try AdoptionStack()
        let client = try DatabaseClient(
            credentials: StaticCredentials(stack.credentials), tls: .require, logger: Logger(label: "test"))
        let encrypted = try await client.withConnection { connection in
            let rows = try await connection.query(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: connection.logger)
            var flags: [Bool] = []
            for try await ssl in rows.decode(Bool.self) { flags.append(ssl) }
            return flags
        }
        await client.close()
        #expect(encrypted == [true])
    }

    @Test func aWrongPasswordIsRetriedOnceWithFreshCredentials() async throws {
        let stack = try AdoptionStack()
        let source = RotatingCredentials(stale: stack.credentials.withPassword("rotated-away"), current: stack.credentials)
        let client = try DatabaseClient(
            credentials: source, tls: .verifyFull(.file(path: try #require(stack.postgres["PGSSLROOTCERT"]))),
            logger: Logger(label: "test"))
        let one = try await client.withConnection { connection in
            try await connection.query("SELECT 1", logger: connection.logger).collect().count
        }
        await client.close()
        #expect(one == 1)
        #expect(await source.refreshes == 1)
    }
}

/// Hands out a stale password until asked to refresh, like a secret rotated since the last fetch.
actor RotatingCredentials: CredentialsSource {
    let stale: DatabaseCredentials
    let current: DatabaseCredentials
    private(set) var refreshes = 0

    init(stale: DatabaseCredentials, current: DatabaseCredentials) {
        self.stale = stale
        self.current = current
    }

    func credentials(refresh: Bool) async throws -> DatabaseCredentials {
        if refresh { refreshes += 1 }
        return refreshes > 0 ? current : stale
    }
}

extension DatabaseCredentials {
    func withPassword(_ password: String) -> DatabaseCredentials {
        var copy = self
        copy.password = password
        return copy
    }
}

extension AdoptionStack {
    var credentials: DatabaseCredentials {
        DatabaseCredentials(
            host: postgres["PGHOST"] ?? "127.0.0.1", port: Int(postgres["PGPORT"] ?? "") ?? 5432,
            database: postgres["PGDATABASE"] ?? "petstore", username: postgres["PGUSER"] ?? "petstore",
            password: postgres["PGPASSWORD"] ?? "")
    }
}
