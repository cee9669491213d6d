import LambdaEvents
import LambdaTesting
import Synchronization
import Testing

@Suite struct SQSBatchTests {
    struct ProcessingFailed: Error, Equatable {
        let messageId: String
    }

    /// A batch of `count` messages `m-0`, `m-1`, ... from the queue named `queue`.
    func batch(_ count: Int, queue: String = "adoptions") -> SQSEvent {
        SQSEvent(records: (0..<count).map {
            SQSMessage(messageId: "m-\($0)", body: "\($0)", eventSourceARN: "arn:aws:sqs:eu-west-1:123456789012:\(queue)")
        })
    }

    @Test func responseHasTheExactShapeLambdaReads() throws {
        let response = SQSBatchResponse(failedMessageIds: ["m-1", "m-3"])
        let json = try LambdaPayload.decode(JSONValue.self, from: LambdaPayload.encode(response))
        #expect(json == ["batchItemFailures": [["itemIdentifier": "m-1"], ["itemIdentifier": "m-3"]]])
        #expect(try LambdaPayload.encode(SQSBatchResponse()) == Array(#"{"batchItemFailures":[]}"#.utf8))
    }

    @Test func standardQueueReportsOnlyTheFailedRecordsAndProcessesEveryRecord() async throws {
        let attempted = Mutex<[String]>([])
        let result = await batch(5).processRecords { message in
            attempted.withLock { $0.append(message.messageId) }
            if message.messageId == "m-1" || message.messageId == "m-3" {
                throw ProcessingFailed(messageId: message.messageId)
            }
        }
        #expect(attempted.withLock { $0 } == ["m-0", "m-1", "m-2", "m-3", "m-4"])
        #expect(result.response == SQSBatchResponse(failedMessageIds: ["m-1", "m-3"]))
        #expect(result.succeededCount == 3)
        #expect(result.failures.map { $0.error as? ProcessingFailed } == [
            ProcessingFailed(messageId: "m-1"), ProcessingFailed(messageId: "m-3"),
        ])
    }

    @Test func aFullySuccessfulBatchReportsNothing() async {
        let result = await batch(3).processRecords { _ in }
        #expect(result.response.batchItemFailures.isEmpty)
        #expect(result.succeededCount == 3)
    }

    @Test func fifoQueueStopsAtTheFirstFailureAndReportsItAndEveryLaterRecord() async throws {
        let attempted = Mutex<[String]>([])
        let event = batch(5, queue: "adoptions.fifo")
        let result = await event.processRecords { message in
            attempted.withLock { $0.append(message.messageId) }
            if message.messageId == "m-2" { throw ProcessingFailed(messageId: "m-2") }
        }
        #expect(attempted.withLock { $0 } == ["m-0", "m-1", "m-2"])
        #expect(result.response == SQSBatchResponse(failedMessageIds: ["m-2", "m-3", "m-4"]))
        #expect(result.succeededCount == 2)
        #expect(result.failures[0].error as? ProcessingFailed == ProcessingFailed(messageId: "m-2"))
        #expect(result.failures[1].error == nil)
        #expect(result.failures[1].description.contains("m-3 not processed"))
    }

    @Test func fifoOrderingCanBeForcedAndStandardOrderingChosen() async {
        let failAtM1: (SQSMessage) async throws -> Void = { message in
            if message.messageId == "m-1" { throw ProcessingFailed(messageId: "m-1") }
        }
        let forced = await batch(3).processRecords(ordering: .fifo, failAtM1)
        #expect(forced.response == SQSBatchResponse(failedMessageIds: ["m-1", "m-2"]))
        let independent = await batch(3, queue: "q.fifo").processRecords(ordering: .standard, failAtM1)
        #expect(independent.response == SQSBatchResponse(failedMessageIds: ["m-1"]))
    }

    @Test func aDecodeFailureFailsOnlyItsRecord() async throws {
        struct Reservation: Decodable { let petId: String }
        var event = try Fixtures.decode(SQSEvent.self, "samples/sqs-receive-message-json-body.json")
        event.records.append(SQSMessage(messageId: "bad", body: "not json"))
        event.records.append(SQSMessage(messageId: "good", body: #"{"petId":"p-9"}"#))
        let reserved = Mutex<[String]>([])
        let result = await event.processRecords { message in
            let reservation = try message.decodeBody(as: Reservation.self)
            reserved.withLock { $0.append(reservation.petId) }
        }
        #expect(reserved.withLock { $0 } == ["p-7", "p-9"])
        #expect(result.response == SQSBatchResponse(failedMessageIds: ["bad"]))
        #expect(result.failures[0].error is DecodingError)
        #expect(result.failures[0].description.hasPrefix("message bad failed: "))
    }

    @Test func concurrentProcessingStaysWithinTheBoundAndReportsFailuresInRecordOrder() async {
        let inFlight = Mutex((now: 0, most: 0))
        let attempted = Mutex(Set<String>())
        let result = await batch(10).processRecordsConcurrently(maxConcurrency: 3) { message in
            inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            defer { inFlight.withLock { $0.now -= 1 } }
            attempted.withLock { _ = $0.insert(message.messageId) }
            let index = Int(message.body)!
            // Earlier records finish later, so completion order differs from record order.
            try await Task.sleep(for: .milliseconds(60 - 5 * index))
            if index % 3 == 0 { throw ProcessingFailed(messageId: message.messageId) }
        }
        #expect(attempted.withLock { $0.count } == 10)
        #expect(inFlight.withLock { $0.most } <= 3)
        #expect(inFlight.withLock { $0.most } > 1)
        #expect(result.response == SQSBatchResponse(failedMessageIds: ["m-0", "m-3", "m-6", "m-9"]))
        #expect(result.succeededCount == 6)
    }

    @Test func concurrentProcessingOfAFIFOBatchKeepsFIFOSemantics() async {
        let attempted = Mutex<[String]>([])
        let result = await batch(4, queue: "adoptions.fifo").processRecordsConcurrently(maxConcurrency: 4) {
            message in
            attempted.withLock { $0.append(message.messageId) }
            if message.messageId == "m-1" { throw ProcessingFailed(messageId: "m-1") }
        }
        #expect(attempted.withLock { $0 } == ["m-0", "m-1"])
        #expect(result.response == SQSBatchResponse(failedMessageIds: ["m-1", "m-2", "m-3"]))
    }
}
