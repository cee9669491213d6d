import LambdaJSON

/// What an SQS event source mapping delivers: a batch of messages from one queue.
public struct SQSEvent: Codable, Sendable, Equatable {
    public var records: [SQSMessage]

    public init(records: [SQSMessage]) {
        self.records = records
    }

    enum CodingKeys: String, CodingKey {
        case records = "Records"
    }
}

/// One message of an `SQSEvent`.
public struct SQSMessage: Codable, Sendable, Equatable {
    public var messageId: String
    public var receiptHandle: String?
    public var body: String
    /// System attributes as SQS names them (`ApproximateReceiveCount`, `MessageGroupId`, ...); see the accessors below.
    public var attributes: [String: String]
    public var messageAttributes: [String: SQSMessageAttribute]
    public var md5OfBody: String?
    public var md5OfMessageAttributes: String?
    public var eventSource: String?
    public var eventSourceARN: String?
    public var awsRegion: String?

    public init(
        messageId: String,
        receiptHandle: String? = nil,
        body: String,
        attributes: [String: String] = [:],
        messageAttributes: [String: SQSMessageAttribute] = [:],
        md5OfBody: String? = nil,
        md5OfMessageAttributes: String? = nil,
        eventSource: String? = "aws:sqs",
        eventSourceARN: String? = nil,
        awsRegion: String? = nil
    ) {
        self.messageId = messageId
        self.receiptHandle = receiptHandle
        self.body = body
        self.attributes = attributes
        self.messageAttributes = messageAttributes
        self.md5OfBody = md5OfBody
        self.md5OfMessageAttributes = md5OfMessageAttributes
        self.eventSource = eventSource
        self.eventSourceARN = eventSourceARN
        self.awsRegion = awsRegion
    }

    // Lenient: only the id and the body are essential; hand-made and emulator events often omit the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageId = try container.decode(String.self, forKey: .messageId)
        receiptHandle = try container.decodeIfPresent(String.self, forKey: .receiptHandle)
        body = try container.decodeIfPresent(String.self, forKey: .body) ?? ""
        attributes = try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
        messageAttributes =
            try container.decodeIfPresent([String: SQSMessageAttribute].self, forKey: .messageAttributes) ?? [:]
        md5OfBody = try container.decodeIfPresent(String.self, forKey: .md5OfBody)
        md5OfMessageAttributes = try container.decodeIfPresent(String.self, forKey: .md5OfMessageAttributes)
        eventSource = try container.decodeIfPresent(String.self, forKey: .eventSource)
        eventSourceARN = try container.decodeIfPresent(String.self, forKey: .eventSourceARN)
        awsRegion = try container.decodeIfPresent(String.self, forKey: .awsRegion)
    }

    /// The body parsed as JSON into `T`; a body that does not parse throws, failing only this record in a batch.
    public func decodeBody<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try LambdaJSONDecoder().decode(T.self, from: Array(body.utf8))
    }

    /// How many times SQS has delivered this message, this delivery included.
    public var approximateReceiveCount: Int? { attributes["ApproximateReceiveCount"].flatMap { Int($0) } }
    /// When SQS received the message, in milliseconds since the Unix epoch.
    public var sentTimestamp: Int64? { attributes["SentTimestamp"].flatMap { Int64($0) } }
    /// FIFO queues only.
    public var messageGroupId: String? { attributes["MessageGroupId"] }
    /// FIFO queues only.
    public var messageDeduplicationId: String? { attributes["MessageDeduplicationId"] }
    /// Whether the message came from a FIFO queue (its ARN ends in `.fifo`).
    public var isFromFIFOQueue: Bool { eventSourceARN?.hasSuffix(".fifo") ?? false }
}

/// A message attribute as Lambda delivers it (lower-camel-case keys, unlike the SQS API).
public struct SQSMessageAttribute: Codable, Sendable, Equatable {
    /// `String`, `Number` or `Binary`, optionally with a custom suffix such as `Number.int`.
    public var dataType: String
    public var stringValue: String?
    /// Base64, as delivered.
    public var binaryValue: String?
    public var stringListValues: [String]
    public var binaryListValues: [String]

    public init(
        dataType: String, stringValue: String? = nil, binaryValue: String? = nil,
        stringListValues: [String] = [], binaryListValues: [String] = []
    ) {
        self.dataType = dataType
        self.stringValue = stringValue
        self.binaryValue = binaryValue
        self.stringListValues = stringListValues
        self.binaryListValues = binaryListValues
    }

    public static func string(_ value: String) -> SQSMessageAttribute {
        SQSMessageAttribute(dataType: "String", stringValue: value)
    }

    public static func number(_ value: String) -> SQSMessageAttribute {
        SQSMessageAttribute(dataType: "Number", stringValue: value)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dataType = try container.decode(String.self, forKey: .dataType)
        stringValue = try container.decodeIfPresent(String.self, forKey: .stringValue)
        binaryValue = try container.decodeIfPresent(String.self, forKey: .binaryValue)
        stringListValues = try container.decodeIfPresent([String].self, forKey: .stringListValues) ?? []
        binaryListValues = try container.decodeIfPresent([String].self, forKey: .binaryListValues) ?? []
    }
}
