import LambdaEvents
import PetDomain

/// The detail of an `ItemDiscontinued` event: the food to remove, with the path of its picture if the
/// service knew it.
struct ItemDiscontinued: PetfoodEventDetail, Equatable {
    static let handledKinds: Set<String> = ["ItemDiscontinued"]

    var foodID: String
    var status: String?
    var metadata: [String: JSONValue]?

    enum CodingKeys: String, CodingKey { case foodID = "food_id", status, metadata }

    /// The S3 key in `metadata.image_path`, which the service may send as a key, an `s3://bucket/key`
    /// URL or an `https://host/key` URL.
    var imageKey: String? {
        guard let path = metadata?["image_path"]?.stringValue, !path.isEmpty else { return nil }
        return Self.key(fromImagePath: path)
    }

    static func key(fromImagePath path: String) -> String? {
        var rest = Substring(path)
        for scheme in ["s3://", "https://", "http://"] where rest.hasPrefix(scheme) {
            // Drop the scheme and the bucket or host that follows it.
            rest = rest.dropFirst(scheme.count).drop(while: { $0 != "/" })
        }
        let key = rest.drop(while: { $0 == "/" })
        return key.isEmpty ? nil : String(key)
    }
}
