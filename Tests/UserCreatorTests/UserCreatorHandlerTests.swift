import LambdaEvents
import LambdaTesting
import Testing

@testable import UserCreator

@Suite struct UserCreatorHandlerTests {
    @Test func aValidBatchCreatesEveryUser() async throws {
        let store = InMemoryUserStore()
        let handler = UserCreatorHandler(users: store, directory: nil)

        let response = try await handler.invoke(fixture: "UserCreator/valid-batch.json")

        #expect(response.batchItemFailures.isEmpty)
        #expect(Set(store.users.keys) == ["user0001", "user0002", "user0003"])
        #expect(store.users["user0002"] == FakeUser(userId: "user0002"))
    }

    @Test func aMixedBatchReportsExactlyTheBadRecords() async throws {
        let event = try Fixtures.decode(SQSEvent.self, "UserCreator/mixed-batch.json")
        let store = InMemoryUserStore(failingUserIds: ["user-0014-overlong"])
        let logs = LogCapture()
        let handler = UserCreatorHandler(users: store, directory: nil)

        let response = try await handler.invoke(event, context: .test(logger: logs.logger()))

        let ids = event.records.map(\.messageId)
        // 12: truncated JSON, 13: no userId, 14: the write fails.
        #expect(response.batchItemFailures.map(\.itemIdentifier) == [ids[1], ids[2], ids[3]])
        #expect(Set(store.users.keys) == ["user0011", "user0015"])
        let errors = logs.records.filter { $0.level == .error }
        #expect(errors.map { $0.metadata["messageId"] ?? "" } == [ids[1], ids[2], ids[3]])
        #expect(errors[0].metadata["error"] == "invalid adoption message: body is not an adoption JSON object")
        #expect(errors[1].metadata["error"] == "invalid adoption message: no userId")
        #expect(errors[2].metadata["error"] == "22001 value too long for type character varying(10)")
    }

    @Test func aRedeliveredRecordCreatesTheUserOnce() async throws {
        let store = InMemoryUserStore()
        let directory = InMemoryUserDirectory()
        let logs = LogCapture()
        let handler = UserCreatorHandler(users: store, directory: directory)

        let response = try await handler.invoke(
            fixture: "UserCreator/duplicate-delivery.json", context: .test(logger: logs.logger()))

        #expect(response.batchItemFailures.isEmpty)
        #expect(store.users.count == 1)
        #expect(directory.emailsByUsername == ["user0021": FakeUser(userId: "user0021").email])
        #expect(logs.records.map(\.message).contains("user existed already"))
        #expect(logs.records.map(\.message).contains("user pool user existed already"))
    }

    @Test func theUserPoolGetsEachNewUser() async throws {
        let directory = InMemoryUserDirectory(existing: ["user0002": "someone@example.com"])
        let handler = UserCreatorHandler(users: InMemoryUserStore(), directory: directory)

        let response = try await handler.invoke(fixture: "UserCreator/valid-batch.json")

        #expect(response.batchItemFailures.isEmpty)  // an existing pool user is not an error
        #expect(directory.emailsByUsername["user0001"] == FakeUser(userId: "user0001").email)
        #expect(directory.emailsByUsername["user0002"] == "someone@example.com")
        #expect(directory.emailsByUsername.count == 3)
    }

    @Test func aFailingUserPoolFailsTheRecordForRedelivery() async throws {
        let store = InMemoryUserStore()
        let handler = UserCreatorHandler(users: store, directory: InMemoryUserDirectory(unavailable: true))

        let event = try Fixtures.decode(SQSEvent.self, "UserCreator/valid-batch.json")
        let response = try await handler.invoke(event)

        #expect(response.batchItemFailures.map(\.itemIdentifier) == event.records.map(\.messageId))
        #expect(store.users.count == 3)  // the redelivery finds them and only retries the pool
    }

    @Test func logsShowOnlyTheMaskedCard() async throws {
        let logs = LogCapture()
        let handler = UserCreatorHandler(users: InMemoryUserStore(), directory: InMemoryUserDirectory())

        _ = try await handler.invoke(fixture: "UserCreator/valid-batch.json", context: .test(logger: logs.logger()))

        for id in ["user0001", "user0002", "user0003"] {
            let user = FakeUser(userId: id)
            #expect(!logs.contains(user.cardNumber))
            #expect(!logs.contains(String(user.cardNumber.dropLast(4))))
            #expect(logs.records.contains { $0.metadata["card"] == user.maskedCardNumber && $0.metadata["userId"] == id })
        }
    }
}
