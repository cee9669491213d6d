#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LambdaEvents
import LambdaTesting
import Testing

@testable import RdsSeeder

@Suite struct RdsSeederHandlerTests {
    typealias Response = CloudFormationCustomResourceResponse<[String: String]>

    let allLabels = ["0001_create_users", "0002_create_transactions", "0003_index_transactions_user_id"]

    @Test func directCallAppliesEveryMigrationThenNone() async throws {
        let store = InMemorySchemaStore()
        let handler = RdsSeederHandler(schema: store, responder: RecordingResponder())

        let first = try await handler.invoke(fixture: "RdsSeeder/direct.json")
        #expect(first.statusCode == 200)
        #expect(try summary(first) == Summary(applied: allLabels, alreadyApplied: []))

        let second = try await handler.invoke(fixture: "RdsSeeder/direct.json")
        #expect(try summary(second) == Summary(applied: [], alreadyApplied: allLabels))
        #expect(store.appliedVersions == [1, 2, 3])
    }

    @Test func directCallOnAPartlyMigratedDatabaseAppliesOnlyTheRest() async throws {
        let handler = RdsSeederHandler(schema: InMemorySchemaStore(alreadyApplied: [1]), responder: RecordingResponder())
        let output = try await handler.invoke(json: "{}")
        #expect(try summary(output) == Summary(applied: Array(allLabels.dropFirst()), alreadyApplied: [allLabels[0]]))
    }

    @Test func directCallFailureNamesTheMigration() async throws {
        let store = InMemorySchemaStore(failingVersion: 2)
        let handler = RdsSeederHandler(schema: store, responder: RecordingResponder())
        let error = await #expect(throws: MigrationFailed.self) { try await handler.invoke(json: "{}") }
        #expect(error?.description == "migration 0002_create_transactions failed: 42P07 relation \"users\" already exists")
        #expect(store.appliedVersions == [1])
    }

    @Test func createAnswersSuccessWithAStablePhysicalId() async throws {
        let responder = RecordingResponder()
        let handler = RdsSeederHandler(schema: InMemorySchemaStore(), responder: responder)
        let request = try Fixtures.decode(CloudFormationCustomResourceRequest<JSONValue>.self, "RdsSeeder/cloudformation-create.json")

        let output = try await handler.invoke(fixture: "RdsSeeder/cloudformation-create.json")

        let sent = try #require(responder.requests.first)
        #expect(responder.requests.count == 1)
        #expect(sent.url == request.responseURL)
        let response = try LambdaPayload.decode(Response.self, from: sent.body)
        #expect(response.status == .success)
        #expect(response.physicalResourceId == RdsSeederHandler.physicalResourceId)
        #expect(response.requestId == request.requestId)
        #expect(response.stackId == request.stackId)
        #expect(response.logicalResourceId == "RdsSeeder")
        #expect(response.data == ["Applied": allLabels.joined(separator: ","), "SchemaVersion": "0003"])
        #expect(try summary(output).status == "SUCCESS")
    }

    @Test func updateReappliesMigrationsAndKeepsThePhysicalId() async throws {
        let store = InMemorySchemaStore(alreadyApplied: [1, 2])
        let responder = RecordingResponder()
        let handler = RdsSeederHandler(schema: store, responder: responder)

        _ = try await handler.invoke(fixture: "RdsSeeder/cloudformation-update.json")

        let response = try LambdaPayload.decode(Response.self, from: try #require(responder.requests.first).body)
        #expect(response.status == .success)
        #expect(response.physicalResourceId == "petstore-schema-migrations")
        #expect(response.data?["Applied"] == "0003_index_transactions_user_id")
        #expect(store.appliedVersions == [1, 2, 3])
    }

    @Test func deleteAnswersSuccessAndTouchesNothing() async throws {
        let store = InMemorySchemaStore(failingVersion: 1)  // would fail if Delete tried to migrate
        let responder = RecordingResponder()
        let handler = RdsSeederHandler(schema: store, responder: responder)

        _ = try await handler.invoke(fixture: "RdsSeeder/cloudformation-delete.json")

        let response = try LambdaPayload.decode(Response.self, from: try #require(responder.requests.first).body)
        #expect(response.status == .success)
        #expect(response.physicalResourceId == "petstore-schema-migrations")
        #expect(store.calls == 0)
    }

    @Test func deleteSucceedsEvenWhenTheDatabaseCouldNotBeSetUp() async throws {
        let response = try await answerWithoutDatabase("RdsSeeder/cloudformation-delete.json")
        #expect(response.status == .success)
    }

    @Test func updateWithTheDatabaseNotSetUpAnswersFailedWithTheInitError() async throws {
        let response = try await answerWithoutDatabase("RdsSeeder/cloudformation-update.json")
        #expect(response.status == .failed)
        #expect(response.reason?.contains("database unavailable: PGSSLMODE=verify-full needs a CA") == true)
    }

    /// What RdsSeeder answers `fixture` with when main.swift could not set up the database at init.
    private func answerWithoutDatabase(_ fixture: String) async throws -> Response {
        let responder = RecordingResponder()
        let handler = RdsSeederHandler(schema: UnavailableSchemaStore(reason: "PGSSLMODE=verify-full needs a CA"),
                                       responder: responder)
        _ = try await handler.invoke(fixture: fixture)
        return try LambdaPayload.decode(Response.self, from: try #require(responder.requests.first).body)
    }

    /// CloudFormation sends an Update only when a property changes: the template's SchemaRevision must
    /// name the newest migration, so adding one without changing it fails here, before a deploy skips it.
    @Test func theTemplatesSchemaRevisionNamesTheNewestMigration() throws {
        let template = try String(
            contentsOf: try Fixtures.packageRoot().appending(path: "template.yaml"), encoding: .utf8)
        let revisions = template.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count == 2, words[0] == "SchemaRevision:" else { return nil }
            return String(words[1])
        }
        let newest = try #require(Migration.petStore.last).label
        #expect(revisions == [newest], "set RdsSeed's SchemaRevision in template.yaml to \(newest)")
    }

    @Test func failedMigrationAnswersFailedWithTheReason() async throws {
        let responder = RecordingResponder()
        let logs = LogCapture()
        let handler = RdsSeederHandler(schema: InMemorySchemaStore(failingVersion: 1), responder: responder)

        let output = try await handler.invoke(
            fixture: "RdsSeeder/cloudformation-create.json", context: .test(logger: logs.logger()))

        let response = try LambdaPayload.decode(Response.self, from: try #require(responder.requests.first).body)
        #expect(response.status == .failed)
        #expect(response.reason == "migration 0001_create_users failed: 42P07 relation \"users\" already exists")
        #expect(response.physicalResourceId == RdsSeederHandler.physicalResourceId)
        #expect(try summary(output).status == "FAILED")
        #expect(logs.records.contains { $0.level == .error })
    }

    @Test func aMigrationStillRunningNearTheDeadlineAnswersFailedInTime() async throws {
        let responder = RecordingResponder()
        let handler = RdsSeederHandler(schema: HangingSchemaStore(), responder: responder)

        _ = try await handler.invoke(
            fixture: "RdsSeeder/cloudformation-create.json", context: .test(timeout: .milliseconds(2300)))

        let response = try LambdaPayload.decode(Response.self, from: try #require(responder.requests.first).body)
        #expect(response.status == .failed)
        #expect(response.reason?.hasPrefix("migrations did not finish within") == true)
    }

    @Test func anUnreachableResponseURLFailsTheInvocation() async throws {
        let handler = RdsSeederHandler(schema: InMemorySchemaStore(), responder: RecordingResponder(fails: true))
        await #expect(throws: ResponseURLUnreachable.self) {
            try await handler.invoke(fixture: "RdsSeeder/cloudformation-create.json")
        }
    }

    @Test func eventShapes() throws {
        guard case .direct = try Fixtures.decode(RdsSeederEvent.self, "RdsSeeder/direct.json") else {
            Issue.record("{} is a direct call")
            return
        }
        guard case .customResource(let request) = try Fixtures.decode(
            RdsSeederEvent.self, "RdsSeeder/cloudformation-delete.json")
        else {
            Issue.record("a CloudFormation request is a custom resource call")
            return
        }
        #expect(request.requestType == .delete)
        #expect(throws: DecodingError.self) {
            try LambdaPayload.decode(RdsSeederEvent.self, from: Array(#"{"RequestType":"Create"}"#.utf8))
        }
    }

    private func summary(_ output: RdsSeederOutput) throws -> Summary {
        try JSONDecoder().decode(Summary.self, from: Data(output.body.utf8))
    }
}

extension Summary {
    init(applied: [String], alreadyApplied: [String]) {
        self.init(report: MigrationReport(applied: applied, alreadyApplied: alreadyApplied))
    }
}
