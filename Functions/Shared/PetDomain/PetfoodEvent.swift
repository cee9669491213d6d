import LambdaEvents
import Logging

/// The detail of a pet food service event a function acts on, and the event kinds it comes with.
public protocol PetfoodEventDetail: Decodable, Sendable {
    /// The `detail-type`s (or, when a rule's input transformer dropped it, the detail's `event_type`s)
    /// whose detail decodes as `Self`.
    static var handledKinds: Set<String> { get }
}

/// An event from the pet food service's bus: either one of the kinds this function acts on, decoded in
/// full, or another kind, kept only by name so the function can log and ignore it.
///
/// An event of a handled kind whose detail does not decode is an error naming what was wrong; an event of
/// another kind never is, whatever its detail looks like.
public enum PetfoodEvent<Detail: PetfoodEventDetail>: Decodable, Sendable {
    case handled(EventBridgeEvent<Detail>)
    case ignored(kind: String?, eventID: String)

    public init(from decoder: any Decoder) throws {
        let envelope = try EventBridgeEvent<KindOnly>(from: decoder)
        let kind = envelope.detailType ?? envelope.detail.eventType
        guard let kind, Detail.handledKinds.contains(kind) else {
            self = .ignored(kind: kind, eventID: envelope.id)
            return
        }
        self = .handled(try EventBridgeEvent<Detail>(from: decoder))
    }

    /// Just enough of any detail to tell its kind.
    private struct KindOnly: Decodable, Sendable {
        var eventType: String?

        enum CodingKeys: String, CodingKey { case eventType = "event_type" }

        init(from decoder: any Decoder) throws {
            // A detail that is not even an object has no kind; it is ignored, not an error.
            let container = try? decoder.container(keyedBy: CodingKeys.self)
            eventType = try? container?.decodeIfPresent(String.self, forKey: .eventType)
        }
    }
}

extension PetfoodEvent {
    /// The event when it is of a handled kind; otherwise nil, after logging that it was ignored.
    public func handled(orLogTo logger: Logger) -> EventBridgeEvent<Detail>? {
        switch self {
        case .handled(let event):
            return event
        case .ignored(let kind, let eventID):
            logger.info("ignored event", metadata: ["kind": "\(kind ?? "none")", "event_id": "\(eventID)"])
            return nil
        }
    }
}
