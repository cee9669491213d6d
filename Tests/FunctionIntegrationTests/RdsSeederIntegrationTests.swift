import Foundation
import Testing

/// RdsSeeder through `lambda-local invoke` (the real runtime loop), with its secret in moto and a fresh
/// database per test on the stack's TLS-only PostgreSQL.
@Suite struct RdsSeederIntegrationTests {
    let migrations = ["0001_create_users", "0002_create_transactions", "0003_index_transactions_user_id"]

    @Test func runningTwiceKeepsRowsAndRecordsEachMigrationOnce() throws {
        let stack = try AdoptionStack()
        let scratch = try stack.makeScratchDatabase()
        defer { try? scratch.drop() }
        let environment = ["SECRET_PARAMETER_NAME": try stack.makeSecretParameter(for: scratch.name, function: "RdsSeeder")]

        let first = try stack.invoke("RdsSeeder", event: "{}", environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try body(first) == ["applied": migrations, "alreadyApplied": []])

        try stack.psql(
            "INSERT INTO users (user_id, full_name, email, address) VALUES ('keep01', 'Kept Row', 'kept@example.com', '1 Main St');"
                + "INSERT INTO transactions (pet_id, pet_type, user_id, transaction_id) VALUES ('001', 'puppy', 'keep01', 'tx-keep')",
            database: scratch.name)
        let recordedBefore = try stack.psql("SELECT version, applied_at FROM schema_migrations ORDER BY version", database: scratch.name)

        let second = try stack.invoke("RdsSeeder", event: "{}", environment: environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try body(second) == ["applied": [], "alreadyApplied": migrations])

        #expect(try stack.psql("SELECT user_id, email FROM users", database: scratch.name) == ["keep01|kept@example.com"])
        #expect(try stack.psql("SELECT transaction_id, status FROM transactions", database: scratch.name) == ["tx-keep|completed"])
        #expect(try stack.psql("SELECT version, applied_at FROM schema_migrations ORDER BY version", database: scratch.name)
            == recordedBefore)
        #expect(recordedBefore.count == 3)
    }

    @Test func concurrentRunsAllSucceedAndApplyEachMigrationExactlyOnce() async throws {
        let stack = try AdoptionStack()
        let scratch = try stack.makeScratchDatabase()
        defer { try? scratch.drop() }
        let environment = ["SECRET_PARAMETER_NAME": try stack.makeSecretParameter(for: scratch.name, function: "RdsSeeder")]

        let results = try await withThrowingTaskGroup(of: CommandResult.self) { group in
            for _ in 0..<3 {
                group.addTask { try stack.invoke("RdsSeeder", event: "{}", environment: environment) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let applied = try results.flatMap { try body($0)["applied"] ?? [] }
        #expect(applied.sorted() == migrations)  // each applied by exactly one run
        #expect(try stack.psql("SELECT count(*) FROM schema_migrations", database: scratch.name) == ["3"])
    }

    @Test func customResourceCreateUpdateDeleteAnswerTheResponseURL() throws {
        let stack = try AdoptionStack()
        let scratch = try stack.makeScratchDatabase()
        defer { try? scratch.drop() }
        let environment = ["SECRET_PARAMETER_NAME": try stack.makeSecretParameter(for: scratch.name, function: "RdsSeeder")]
        let server = try ResponseURLServer()

        for (index, kind) in ["create", "update", "delete"].enumerated() {
            let event = try fixture("RdsSeeder/cloudformation-\(kind).json", responseURL: server.url(path: "/\(kind)"))
            let result = try stack.invoke("RdsSeeder", event: event, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")

            let received = try server.received
            try #require(received.count == index + 1)
            let put = received[index]
            #expect(put.method == "PUT")
            #expect(put.path == "/\(kind)")
            #expect(put.contentType == "")  // presigned S3 URLs are signed without a content type
            let answer = try JSONSerialization.jsonObject(with: Data(put.body.utf8)) as? [String: Any] ?? [:]
            #expect(answer["Status"] as? String == "SUCCESS", "\(put.body)")
            #expect(answer["PhysicalResourceId"] as? String == "petstore-schema-migrations")
            #expect(answer["LogicalResourceId"] as? String == "RdsSeeder")
        }
        // Delete dropped nothing.
        #expect(try stack.psql("SELECT count(*) FROM schema_migrations", database: scratch.name) == ["3"])
        #expect(try stack.psql("SELECT to_regclass('users') IS NOT NULL, to_regclass('transactions') IS NOT NULL",
                               database: scratch.name) == ["t|t"])
    }

    @Test func aFailureIsAnsweredFailedAndTheStackIsNotLeftWaiting() throws {
        let stack = try AdoptionStack()
        let server = try ResponseURLServer()
        // A secret parameter that does not exist: the migrations cannot run.
        let environment = ["SECRET_PARAMETER_NAME": "/petstore/no-such-parameter-\(UUID().uuidString)"]

        let event = try fixture("RdsSeeder/cloudformation-create.json", responseURL: server.url())
        let result = try stack.invoke("RdsSeeder", event: event, environment: environment)

        #expect(result.status == 0, "\(result.stderr)")
        let answer = try JSONSerialization.jsonObject(with: Data(try #require(server.received.first).body.utf8))
            as? [String: Any] ?? [:]
        #expect(answer["Status"] as? String == "FAILED")
        #expect((answer["Reason"] as? String)?.contains("migration 0001_create_users failed") == true)
    }

    private func body(_ result: CommandResult) throws -> [String: [String]] {
        let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(output["statusCode"] as? Int == 200)
        let body = try JSONSerialization.jsonObject(with: Data((output["body"] as? String ?? "").utf8))
            as? [String: Any] ?? [:]
        return body.compactMapValues { $0 as? [String] }
    }

    private func fixture(_ path: String, responseURL: String) throws -> String {
        let file = try AdoptionStack().repository.appending(path: "events/\(path)")
        var event = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        event["ResponseURL"] = responseURL
        return String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self)
    }
}
