/// The answer to an SQS event when the event source mapping has `ReportBatchItemFailures`:
/// the messages SQS should deliver again. An empty list means the whole batch succeeded.
public struct SQSBatchResponse: Codable, Sendable, Equatable {
    public struct ItemFailure: Codable, Sendable, Equatable {
        /// The failed message's `messageId`.
        public var itemIdentifier: String

        public init(itemIdentifier: String) {
            self.itemIdentifier = itemIdentifier
        }
    }

    public var batchItemFailures: [ItemFailure]

    public init(batchItemFailures: [ItemFailure] = []) {
        self.batchItemFailures = batchItemFailures
    }

    public init(failedMessageIds: [String]) {
        self.batchItemFailures = failedMessageIds.map(ItemFailure.init(itemIdentifier:))
    }
}

/// How a batch's records relate to each other when one of them fails.
public enum SQSBatchOrdering: Sendable {
    /// `.fifo` when the records come from a FIFO queue (ARN ending in `.fifo`), `.standard` otherwise.
    case automatic
    /// Records are independent: a failure fails only its own record.
    case standard
    /// Records are ordered: processing stops at the first failure, which is reported together with every
    /// later record, so SQS redelivers them in their original order.
    case fifo
}

/// A record the batch reports back to SQS for redelivery.
public struct SQSRecordFailure: Sendable, CustomStringConvertible {
    public var message: SQSMessage
    /// What processing the record threw; nil when it was never attempted because an earlier record of an
    /// ordered (FIFO) batch failed.
    public var error: (any Error)?

    public init(message: SQSMessage, error: (any Error)?) {
        self.message = message
        self.error = error
    }

    public var description: String {
        guard let error else {
            return "message \(message.messageId) not processed: an earlier message of the FIFO batch failed"
        }
        return "message \(message.messageId) failed: \(error)"
    }
}

/// What processing a batch came to: the failures (in record order) and the response that reports them.
public struct SQSBatchResult: Sendable {
    public var failures: [SQSRecordFailure]
    /// Records whose processing completed without an error.
    public var succeededCount: Int

    public init(failures: [SQSRecordFailure], succeededCount: Int) {
        self.failures = failures
        self.succeededCount = succeededCount
    }

    /// The handler's return value: one item per failure.
    public var response: SQSBatchResponse {
        SQSBatchResponse(failedMessageIds: failures.map(\.message.messageId))
    }
}

extension SQSEvent {
    /// Whether the batch comes from a FIFO queue.
    public var isFromFIFOQueue: Bool { records.contains(where: \.isFromFIFOQueue) }

    /// Runs `process` on each record in order and collects the records that failed.
    ///
    ///     let result = await event.processRecords { message in
    ///         try await adopt(message.decodeBody(as: AdoptionRequest.self))
    ///     }
    ///     for failure in result.failures { context.logger.error("\(failure)") }
    ///     return result.response
    ///
    /// A record's error never stops a standard batch. A FIFO batch stops at the first failure and reports
    /// that record and every later one, which keeps redelivery in order.
    public func processRecords(
        ordering: SQSBatchOrdering = .automatic,
        _ process: (SQSMessage) async throws -> Void
    ) async -> SQSBatchResult {
        let stopAtFirstFailure = resolved(ordering) == .fifo
        var failures: [SQSRecordFailure] = []
        for (index, message) in records.enumerated() {
            do {
                try await process(message)
            } catch {
                failures.append(SQSRecordFailure(message: message, error: error))
                if stopAtFirstFailure {
                    let skipped = records[(index + 1)...].map { SQSRecordFailure(message: $0, error: nil) }
                    failures.append(contentsOf: skipped)
                    break
                }
            }
        }
        return SQSBatchResult(failures: failures, succeededCount: records.count - failures.count)
    }

    /// Like `processRecords`, with up to `maxConcurrency` records in flight at once.
    ///
    /// Concurrency would break a FIFO batch's order, so a FIFO batch (or `ordering: .fifo`) is processed
    /// one record at a time, exactly as `processRecords` does.
    public func processRecordsConcurrently(
        maxConcurrency: Int,
        ordering: SQSBatchOrdering = .automatic,
        _ process: @escaping @Sendable (SQSMessage) async throws -> Void
    ) async -> SQSBatchResult {
        if resolved(ordering) == .fifo {
            return await processRecords(ordering: .fifo, process)
        }
        let records = self.records
        let width = max(1, maxConcurrency)
        var errors: [(any Error)?] = Array(repeating: nil, count: records.count)
        await withTaskGroup(of: (Int, (any Error)?).self) { group in
            func start(_ index: Int) {
                group.addTask {
                    do {
                        try await process(records[index])
                        return (index, nil)
                    } catch {
                        return (index, error)
                    }
                }
            }
            var next = 0
            while next < min(width, records.count) {
                start(next)
                next += 1
            }
            for await (index, error) in group {
                errors[index] = error
                if next < records.count {
                    start(next)
                    next += 1
                }
            }
        }
        let failures = zip(records, errors).compactMap { message, error in
            error.map { SQSRecordFailure(message: message, error: $0) }
        }
        return SQSBatchResult(failures: failures, succeededCount: records.count - failures.count)
    }

    private func resolved(_ ordering: SQSBatchOrdering) -> SQSBatchOrdering {
        switch ordering {
        case .automatic: isFromFIFOQueue ? .fifo : .standard
        case .standard, .fifo: ordering
        }
    }
}
