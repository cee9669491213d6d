import LambdaEvents
import LambdaRuntime
import Logging
import PetDomain

/// Keeps the foods table's stock in step with purchases: `StockPurchased` events from the pet food
/// service, delivered by an EventBridge rule directly or through an SQS queue (whose message bodies are
/// the EventBridge events).
///
/// Directly, a failed order fails the invocation. EventBridge invokes asynchronously, so its own retries
/// and its rule's dead-letter queue cover only handing the event to Lambda; once Lambda has it, a failure
/// gets Lambda's async retries and then goes to the function's on-failure queue (template.yaml,
/// `PetfoodStockFailureQueue`, with the event in `requestPayload`). Through SQS, a failed order fails only
/// its own message, which the queue redelivers and then moves to its dead-letter queue. Other kinds of
/// events are logged and ignored.
struct PetfoodStockHandler<Ledger: StockLedger>: LambdaHandler {
    let keeper: StockKeeper<Ledger>

    func handle(_ event: StockEvent, context: LambdaContext) async throws -> StockOutput {
        switch event {
        case .eventBridge(let event):
            return try await process(event, logger: context.logger)
        case .sqs(let batch):
            let result = await batch.processRecords { message in
                _ = try await process(message.decodeBody(as: PetfoodEvent<StockPurchased>.self), logger: context.logger)
            }
            for failure in result.failures {
                context.logger.error("stock update failed", metadata: ["failure": "\(failure)"])
            }
            return .batch(result.response)
        }
    }

    private func process(_ event: PetfoodEvent<StockPurchased>, logger: Logger) async throws -> StockOutput {
        guard let event = event.handled(orLogTo: logger) else { return .ignored }
        return .order(try await keeper.apply(event.detail, logger: logger))
    }
}

/// An EventBridge event, or an SQS batch of them.
enum StockEvent: Decodable, Sendable {
    case eventBridge(PetfoodEvent<StockPurchased>)
    case sqs(SQSEvent)

    private enum CodingKeys: String, CodingKey { case records = "Records" }

    init(from decoder: any Decoder) throws {
        if try decoder.container(keyedBy: CodingKeys.self).contains(.records) {
            self = .sqs(try SQSEvent(from: decoder))
        } else {
            self = .eventBridge(try PetfoodEvent(from: decoder))
        }
    }
}

enum StockOutput: Encodable, Sendable, Equatable {
    case order(OrderSummary)
    case ignored
    /// For an SQS batch: the messages to deliver again.
    case batch(SQSBatchResponse)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .order(let summary): try summary.encode(to: encoder)
        case .ignored: try ["status": "ignored"].encode(to: encoder)
        case .batch(let response): try response.encode(to: encoder)
        }
    }
}
