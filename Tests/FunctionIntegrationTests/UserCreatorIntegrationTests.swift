import Foundation
import Testing

@testable import UserCreator

/// UserCreator through `lambda-local invoke` against the stack: its secret and user pool in moto, its
/// table on the TLS-only PostgreSQL (migrated by running RdsSeeder first, which is idempotent).
@Suite(.serialized) struct UserCreatorIntegrationTests {
    @Test func aMixedBatchReportsExactlyTheBadRecordsAndWritesTheGoodOnes() throws {
        let stack = try AdoptionStack()
        try migrate(stack)
        try stack.psql("DELETE FROM users WHERE user_id IN ('user0011', 'user0015')")
        let event = try fixture("UserCreator/mixed-batch.json")

        let result = try stack.invoke("UserCreator", event: event.text)

        #expect(result.status == 0, "\(result.stderr)")
        // 2nd: truncated JSON, 3rd: no userId, 4th: a userId too long for users.user_id, rejected by PostgreSQL.
        #expect(try failures(result) == [event.messageIds[1], event.messageIds[2], event.messageIds[3]])
        let expected = ["user0011", "user0015"].map { FakeUser(userId: $0) }
        #expect(try stack.psql("SELECT user_id, full_name, email, address FROM users WHERE user_id IN ('user0011', 'user0015') ORDER BY user_id")
            == expected.map { "\($0.userId)|\($0.fullName)|\($0.email)|\($0.address)" })
        #expect(result.stderr.contains("22001"), "the write failure names PostgreSQL's error")
        #expect(result.stderr.contains("TLS verify-full"), "env.json's DATABASE_CA_BUNDLE_PARAMETER_NAME makes it verify the server")
        for user in expected {
            #expect(!result.stderr.contains(user.cardNumber))
            #expect(result.stderr.contains(user.maskedCardNumber))
        }
    }

    @Test func aRedeliveredRecordDoesNotDuplicate() throws {
        let stack = try AdoptionStack()
        try migrate(stack)
        try stack.psql("DELETE FROM users WHERE user_id = 'user0021'")
        let event = try fixture("UserCreator/duplicate-delivery.json")

        let first = try stack.invoke("UserCreator", event: event.text)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try failures(first).isEmpty)
        let created = try stack.psql("SELECT created_at FROM users WHERE user_id = 'user0021'")
        #expect(created.count == 1)

        let again = try stack.invoke("UserCreator", event: event.text)
        #expect(try failures(again).isEmpty)
        #expect(try stack.psql("SELECT created_at FROM users WHERE user_id = 'user0021'") == created)
    }

    @Test func theUserPoolGetsTheUserAndAnExistingOneIsNoError() throws {
        let stack = try AdoptionStack()
        try migrate(stack)
        let pool = try #require(try stack.functionEnvironment("UserCreator")["USER_POOL_ID"], "env.json gives USER_POOL_ID")
        let endpoint = try stack.awsEndpoint(for: "UserCreator")
        let event = try fixture("UserCreator/valid-batch.json")

        for _ in 0..<2 {  // the second run meets existing users everywhere
            let result = try stack.invoke("UserCreator", event: event.text)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try failures(result).isEmpty)
        }
        let user = try stack.aws("cognito-idp", "admin_get_user", ["UserPoolId": pool, "Username": "user0002"], endpoint: endpoint)
        let attributes = (user["UserAttributes"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            $0[$1["Name"] as? String ?? ""] = $1["Value"] as? String
        }
        #expect(attributes["email"] == FakeUser(userId: "user0002").email)
    }

    @Test func aWrongRootCertificateFailsEveryRecordInsteadOfConnectingUnverified() throws {
        let stack = try AdoptionStack()
        let otherCA = try makeUnrelatedCertificateAuthority()
        let event = try fixture("UserCreator/valid-batch.json")

        let result = try stack.invoke("UserCreator", event: event.text, environment: ["PGSSLROOTCERT": otherCA])

        #expect(try failures(result) == event.messageIds)
        #expect(result.stderr.lowercased().contains("certificate"), "\(result.stderr)")
    }

    private func migrate(_ stack: AdoptionStack) throws {
        let result = try stack.invoke("RdsSeeder", event: "{}")
        try #require(result.status == 0, "RdsSeeder: \(result.stderr)")
    }

    private func failures(_ result: CommandResult) throws -> [String] {
        let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let items = try #require(output["batchItemFailures"] as? [[String: Any]], "output: \(result.stdout)")
        return items.compactMap { $0["itemIdentifier"] as? String }
    }

    private func fixture(_ path: String) throws -> (text: String, messageIds: [String]) {
        let file = try AdoptionStack().repository.appending(path: "events/\(path)")
        let data = try Data(contentsOf: file)
        let event = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let ids = (event["Records"] as? [[String: Any]] ?? []).compactMap { $0["messageId"] as? String }
        return (String(decoding: data, as: UTF8.self), ids)
    }
}
