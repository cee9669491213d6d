#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LambdaEvents
import LambdaRuntime
import PetDatabase

/// Creates the pet store's tables by applying the versioned migrations that are not yet recorded.
/// Idempotent and additive: running it again, concurrently, or on Update changes nothing that exists.
struct RdsSeederHandler: LambdaHandler {
    /// The physical id this custom resource reports on Create, kept on Update and Delete, so CloudFormation
    /// never sees a replacement (which would make it Delete the "old" resource).
    static let physicalResourceId = "petstore-schema-migrations"

    let schema: any SchemaStore
    let responder: any CustomResourceResponder
    var migrations: [Migration] = Migration.petStore

    func handle(_ event: RdsSeederEvent, context: LambdaContext) async throws -> RdsSeederOutput {
        switch event {
        case .direct:
            let report = try await migrate(context: context)
            return RdsSeederOutput(statusCode: 200, body: try jsonText(Summary(report: report)))
        case .customResource(let request):
            return try await answer(request, context: context)
        }
    }

    private func answer(
        _ request: CloudFormationCustomResourceRequest<JSONValue>, context: LambdaContext
    ) async throws -> RdsSeederOutput {
        let physicalId = request.physicalResourceId ?? Self.physicalResourceId
        var logger = context.logger
        logger[metadataKey: "requestType"] = "\(request.requestType.rawValue)"
        logger[metadataKey: "logicalResourceId"] = "\(request.logicalResourceId)"
        let response: CloudFormationCustomResourceResponse<[String: String]>
        var summary = Summary(report: MigrationReport())
        switch request.requestType {
        case .delete:
            // Deleting the resource (or the stack) must never drop the data, nor fail the stack.
            logger.info("custom resource Delete: the schema and its data are kept")
            response = .success(for: request, physicalResourceId: physicalId)
        case .create, .update:
            do {
                let report = try await migrateBeforeDeadline(context: context)
                summary = Summary(report: report)
                response = .success(for: request, physicalResourceId: physicalId, data: report.cloudFormationData)
            } catch {
                logger.error("schema migration failed; answering FAILED", metadata: ["error": "\(error)"])
                response = .failure(for: request, reason: "\(error)", physicalResourceId: physicalId)
            }
        }
        summary.status = response.status.rawValue
        try await responder.send(try response.encodedBody(), to: request.responseURL)
        logger.info("answered CloudFormation", metadata: ["status": "\(response.status.rawValue)"])
        return RdsSeederOutput(statusCode: 200, body: try jsonText(summary))
    }

    /// CloudFormation waits up to an hour for an answer that a timed-out function never sends, so give up
    /// with time left to answer FAILED. A migration cut short rolls back; the next deploy applies it.
    private func migrateBeforeDeadline(context: LambdaContext) async throws -> MigrationReport {
        let budget = context.remainingTime - Self.timeNeededToAnswer
        return try await withThrowingTaskGroup(of: MigrationReport?.self) { group in
            group.addTask { try await migrate(context: context) }
            group.addTask {
                try await Task.sleep(for: budget)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let report = first else {
                throw MigrationTimedOut(budget: budget)
            }
            return report
        }
    }

    static let timeNeededToAnswer: Duration = .seconds(2)

    private func migrate(context: LambdaContext) async throws -> MigrationReport {
        var report = MigrationReport()
        for migration in migrations {
            let ranNow: Bool
            do {
                ranNow = try await schema.apply(migration)
            } catch {
                throw MigrationFailed(migration: migration.label, reason: describeDatabaseError(error))
            }
            if ranNow {
                report.applied.append(migration.label)
                context.logger.info("applied migration", metadata: ["migration": "\(migration.label)"])
            } else {
                report.alreadyApplied.append(migration.label)
            }
        }
        context.logger.info(
            "schema up to date",
            metadata: ["applied": "\(report.applied)", "alreadyApplied": "\(report.alreadyApplied)"])
        return report
    }

    private func jsonText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// The body of the function's output.
struct Summary: Codable, Equatable {
    var status: String?
    var applied: [String]
    var alreadyApplied: [String]

    init(report: MigrationReport) {
        applied = report.applied
        alreadyApplied = report.alreadyApplied
    }
}

extension MigrationReport {
    /// `Fn::GetAtt` values: comma-separated labels, and the newest version present.
    var cloudFormationData: [String: String] {
        let all = (alreadyApplied + applied).sorted()
        return [
            "Applied": applied.joined(separator: ","),
            "SchemaVersion": all.last.map { String($0.prefix(4)) } ?? "",
        ]
    }
}
