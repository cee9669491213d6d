/// SQS over its JSON protocol (`AmazonSQS.*`).
public struct SQS: Sendable {
    public struct Message: Sendable, Decodable, Equatable {
        public var messageID: String
        public var receiptHandle: String
        public var body: String
        public var md5OfBody: String?
        public var attributes: [String: String]?
        public var messageAttributes: [String: MessageAttribute]?
        enum CodingKeys: String, CodingKey {
            case messageID = "MessageId", receiptHandle = "ReceiptHandle", body = "Body", md5OfBody = "MD5OfBody",
                 attributes = "Attributes", messageAttributes = "MessageAttributes"
        }
    }

    /// A string-typed message attribute (`String` or `Number` data type).
    public struct MessageAttribute: Sendable, Codable, Equatable {
        public var dataType: String
        public var stringValue: String?
        public init(dataType: String = "String", stringValue: String) {
            self.dataType = dataType
            self.stringValue = stringValue
        }
        enum CodingKeys: String, CodingKey { case dataType = "DataType", stringValue = "StringValue" }
    }

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Returns the message ID.
    @discardableResult
    public func sendMessage(queueURL: String, body: String, attributes: [String: MessageAttribute]? = nil,
                            delaySeconds: Int? = nil, groupID: String? = nil,
                            deduplicationID: String? = nil) async throws -> String {
        // swiftlint:disable identifier_name
        struct Input: Encodable {
            var QueueUrl: String
            var MessageBody: String
            var MessageAttributes: [String: MessageAttribute]?
            var DelaySeconds: Int?
            var MessageGroupId: String?
            var MessageDeduplicationId: String?
        }
        struct Output: Decodable { var MessageId: String }
        // swiftlint:enable identifier_name
        let output: Output = try await call("SendMessage", Input(
            QueueUrl: queueURL, MessageBody: body, MessageAttributes: attributes, DelaySeconds: delaySeconds,
            MessageGroupId: groupID, MessageDeduplicationId: deduplicationID))
        return output.MessageId
    }

    /// Up to `maxMessages` (1...10), waiting up to `waitSeconds` for the first (long polling).
    public func receiveMessages(queueURL: String, maxMessages: Int = 1, waitSeconds: Int = 0,
                                visibilityTimeout: Int? = nil) async throws -> [Message] {
        // swiftlint:disable identifier_name
        struct Input: Encodable {
            var QueueUrl: String
            var MaxNumberOfMessages: Int
            var WaitTimeSeconds: Int
            var VisibilityTimeout: Int?
            var AttributeNames = ["All"]
            var MessageAttributeNames = ["All"]
        }
        struct Output: Decodable { var Messages: [Message]? }
        // swiftlint:enable identifier_name
        let output: Output = try await call("ReceiveMessage", Input(
            QueueUrl: queueURL, MaxNumberOfMessages: maxMessages, WaitTimeSeconds: waitSeconds,
            VisibilityTimeout: visibilityTimeout))
        return output.Messages ?? []
    }

    public func deleteMessage(queueURL: String, receiptHandle: String) async throws {
        // swiftlint:disable:next identifier_name
        struct Input: Encodable { var QueueUrl: String; var ReceiptHandle: String }
        let _: EmptyOutput = try await call("DeleteMessage", Input(QueueUrl: queueURL, ReceiptHandle: receiptHandle))
    }

    /// Creates the queue (or returns the existing one's URL). For tests and tools.
    public func createQueue(name: String, attributes: [String: String] = [:]) async throws -> String {
        // swiftlint:disable identifier_name
        struct Input: Encodable { var QueueName: String; var Attributes: [String: String]? }
        struct Output: Decodable { var QueueUrl: String }
        // swiftlint:enable identifier_name
        let output: Output = try await call("CreateQueue", Input(
            QueueName: name, Attributes: attributes.isEmpty ? nil : attributes))
        return output.QueueUrl
    }

    private func call<Output: Decodable>(_ operation: String, _ input: some Encodable) async throws -> Output {
        try await client.sendJSON(.sqs, target: "AmazonSQS.\(operation)", input: input,
                                  contentType: "application/x-amz-json-1.0")
    }
}
