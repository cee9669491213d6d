import LambdaEvents
import LambdaTesting
import Testing

@Suite struct SQSEventTests {
    @Test func decodesTheSAMSample() throws {
        let event = try Fixtures.decode(SQSEvent.self, "samples/sqs-receive-message.json")
        let message = try #require(event.records.first)
        #expect(event.records.count == 1)
        #expect(message.messageId == "19dd0b57-b21e-4ac1-bd88-01bbb068cb78")
        #expect(message.receiptHandle == "MessageReceiptHandle")
        #expect(message.body == "Hello from SQS!")
        #expect(message.md5OfBody == "7b270e59b47ff90a553787216d55d91d")
        #expect(message.eventSource == "aws:sqs")
        #expect(message.eventSourceARN == "arn:aws:sqs:us-east-1:123456789012:MyQueue")
        #expect(message.awsRegion == "us-east-1")
        #expect(message.approximateReceiveCount == 1)
        #expect(message.sentTimestamp == 1_523_232_000_000)
        #expect(message.attributes["SenderId"] == "123456789012")
        #expect(message.messageAttributes.isEmpty)
        #expect(!message.isFromFIFOQueue)
        #expect(message.messageGroupId == nil)
    }

    @Test func decodesAJSONBody() throws {
        struct Reservation: Decodable, Equatable {
            let petId: String
            let action: String
        }
        let event = try Fixtures.decode(SQSEvent.self, "samples/sqs-receive-message-json-body.json")
        let message = try #require(event.records.first)
        #expect(message.eventSourceARN == "arn:aws:sqs:us-east-1:123456789012:adoptions")
        #expect(try message.decodeBody(as: Reservation.self) == Reservation(petId: "p-7", action: "reserve"))
    }

    @Test func aBodyThatIsNotTheExpectedJSONThrows() throws {
        struct Reservation: Decodable { let petId: String }
        let event = try Fixtures.decode(SQSEvent.self, "samples/sqs-receive-message.json")
        #expect(throws: DecodingError.self) { try event.records[0].decodeBody(as: Reservation.self) }
    }

    @Test func decodesFIFOAttributesAndMessageAttributes() throws {
        let event = try Fixtures.decode(SQSEvent.self, "samples/sqs-fifo-batch.json")
        #expect(event.records.count == 3)
        #expect(event.isFromFIFOQueue)
        let first = event.records[0]
        #expect(first.messageGroupId == "pet-p-7")
        #expect(first.messageDeduplicationId == "reserve-p-7-u-311")
        #expect(first.attributes["SequenceNumber"] == "18849496460467696128")
        #expect(first.messageAttributes["tenant"] == .string("shelter-12"))
        #expect(first.messageAttributes["priority"] == .number("2"))
        #expect(first.md5OfMessageAttributes == "8f3a4f5d2c0b1e9a7d6c5b4a39281706")
        #expect(event.records[2].approximateReceiveCount == 2)
    }

    @Test func decodesAMinimalHandMadeRecord() throws {
        let event = try LambdaPayload.decode(
            SQSEvent.self, from: Array(#"{"Records":[{"messageId":"m-1","body":"hi"}]}"#.utf8))
        #expect(event == SQSEvent(records: [SQSMessage(messageId: "m-1", body: "hi", eventSource: nil)]))
    }

    @Test func aRecordWithoutMessageIdIsRejected() {
        #expect(throws: DecodingError.self) {
            try LambdaPayload.decode(SQSEvent.self, from: Array(#"{"Records":[{"body":"hi"}]}"#.utf8))
        }
    }

    @Test(arguments: ["samples/sqs-receive-message.json", "samples/sqs-fifo-batch.json"])
    func roundTrips(sample: String) throws {
        let event = try Fixtures.decode(SQSEvent.self, sample)
        #expect(try LambdaPayload.decode(SQSEvent.self, from: LambdaPayload.encode(event)) == event)
        // Nothing the sample carries is lost: the re-encoded JSON equals the sample's.
        let original = try Fixtures.decode(JSONValue.self, sample)
        #expect(try LambdaPayload.decode(JSONValue.self, from: LambdaPayload.encode(event)) == original)
    }
}
