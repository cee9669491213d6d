/// An event as an EventBridge rule delivers it to its target, with `detail` decoded as `Detail`.
///
/// Nothing is checked against `detail-type`: routing is the rule's job. The envelope is lenient where real
/// deliveries differ: moto omits `account`, and a rule whose input transformer builds its own envelope may
/// leave out `detail-type`, `account` and `resources`.
public struct EventBridgeEvent<Detail: Sendable>: Sendable {
    public var version: String
    public var id: String
    public var detailType: String?
    public var source: String
    public var account: String?
    /// ISO 8601, e.g. `2026-11-21T22:54:17Z`, as delivered.
    public var time: String
    public var region: String
    public var resources: [String]
    public var detail: Detail

    public init(
        version: String = "0", id: String, detailType: String?, source: String, account: String?,
        time: String, region: String, resources: [String] = [], detail: Detail
    ) {
        self.version = version
        self.id = id
        self.detailType = detailType
        self.source = source
        self.account = account
        self.time = time
        self.region = region
        self.resources = resources
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case version, id
        case detailType = "detail-type"
        case source, account, time, region, resources, detail
    }
}

/// A scheduled rule's event (`detail-type` "Scheduled Event", `source` "aws.events"), or any event whose
/// detail is not worth a type of its own.
public typealias ScheduledEvent = EventBridgeEvent<JSONValue>

extension EventBridgeEvent: Decodable where Detail: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? "0"
        id = try container.decode(String.self, forKey: .id)
        detailType = try container.decodeIfPresent(String.self, forKey: .detailType)
        source = try container.decode(String.self, forKey: .source)
        account = try container.decodeIfPresent(String.self, forKey: .account)
        time = try container.decode(String.self, forKey: .time)
        region = try container.decode(String.self, forKey: .region)
        resources = try container.decodeIfPresent([String].self, forKey: .resources) ?? []
        detail = try container.decode(Detail.self, forKey: .detail)
    }
}

extension EventBridgeEvent: Encodable where Detail: Encodable {}
extension EventBridgeEvent: Equatable where Detail: Equatable {}
