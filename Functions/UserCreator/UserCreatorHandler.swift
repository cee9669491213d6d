import LambdaEvents
import LambdaRuntime
import PetDatabase

/// Creates the customer behind each adoption: a row in `users` and, when a user pool is configured, a
/// Cognito user. Each SQS record stands alone: a bad or failed record is reported in `batchItemFailures`
/// for redelivery and the others succeed. Both writes are idempotent, so a redelivered record (or one
/// whose first attempt failed halfway) changes nothing twice.
struct UserCreatorHandler: LambdaHandler {
    let users: any UserStore
    /// nil when `USER_POOL_ID` is not set.
    let directory: (any UserDirectory)?

    func handle(_ event: SQSEvent, context: LambdaContext) async throws -> SQSBatchResponse {
        let result = await event.processRecords { message in
            try await createUser(for: message, context: context)
        }
        for failure in result.failures {
            context.logger.error(
                "record failed; SQS will deliver it again",
                metadata: ["messageId": "\(failure.message.messageId)", "error": "\(failureReason(failure))"])
        }
        context.logger.info(
            "batch done", metadata: ["records": "\(event.records.count)", "failed": "\(result.failures.count)"])
        return result.response
    }

    private func createUser(for message: SQSMessage, context: LambdaContext) async throws {
        let adoption: AdoptionMessage
        do {
            adoption = try message.decodeBody(as: AdoptionMessage.self)
        } catch {
            throw InvalidAdoptionMessage(reason: "body is not an adoption JSON object")
        }
        let user = FakeUser(userId: try adoption.requiredUserId())
        var logger = context.logger
        logger[metadataKey: "messageId"] = "\(message.messageId)"
        logger[metadataKey: "userId"] = "\(user.userId)"
        logger[metadataKey: "transactionId"] = "\(adoption.transactionId ?? "-")"

        let created = try await users.insert(user)
        logger.info(
            created ? "user created" : "user existed already",
            metadata: ["email": "\(user.email)", "card": "\(user.maskedCardNumber)"])
        if let directory {
            let added = try await directory.createUser(
                username: user.userId, email: user.email, fullName: user.fullName)
            logger.info(added ? "user pool user created" : "user pool user existed already")
        }
    }

    private func failureReason(_ failure: SQSRecordFailure) -> String {
        failure.error.map(describeDatabaseError) ?? "not processed"
    }
}
