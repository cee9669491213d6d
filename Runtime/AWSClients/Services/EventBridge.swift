import LambdaJSON

public struct EventBridge: Sendable {
    public struct Entry: Sendable, Encodable {
        public var source: String
        public var detailType: String
        /// The event's `detail`, a JSON object as text.
        public var detail: String
        public var eventBusName: String?
        public var resources: [String]?

        public init(source: String, detailType: String, detail: String, eventBusName: String? = nil,
                    resources: [String]? = nil) {
            self.source = source
            self.detailType = detailType
            self.detail = detail
            self.eventBusName = eventBusName
            self.resources = resources
        }

        /// Encodes `detail` as the event's JSON detail.
        public init(source: String, detailType: String, detail: some Encodable, eventBusName: String? = nil) throws {
            self.init(source: source, detailType: detailType,
                      detail: String(decoding: try LambdaJSONEncoder().encode(detail), as: UTF8.self),
                      eventBusName: eventBusName)
        }

        enum CodingKeys: String, CodingKey {
            case source = "Source", detailType = "DetailType", detail = "Detail", eventBusName = "EventBusName",
                 resources = "Resources"
        }
    }

    /// Per entry, in order: the event ID, or the error that kept it out.
    public struct ResultEntry: Sendable, Decodable, Equatable {
        public var eventID: String?
        public var errorCode: String?
        public var errorMessage: String?
        enum CodingKeys: String, CodingKey { case eventID = "EventId", errorCode = "ErrorCode", errorMessage = "ErrorMessage" }
    }

    public struct PutEventsOutput: Sendable, Decodable {
        public var failedEntryCount: Int
        public var entries: [ResultEntry]
        enum CodingKeys: String, CodingKey { case failedEntryCount = "FailedEntryCount", entries = "Entries" }
    }

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Sends up to 10 entries. Entries can fail one by one: check `failedEntryCount`.
    public func putEvents(_ entries: [Entry]) async throws -> PutEventsOutput {
        struct Input: Encodable { var Entries: [Entry] }  // swiftlint:disable:this identifier_name
        return try await client.sendJSON(.eventBridge, target: "AWSEvents.PutEvents", input: Input(Entries: entries))
    }
}
