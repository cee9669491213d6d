import LambdaJSON
import LambdaEvents

/// What the pet site asks for: `{"petid", "pettype", "userid"?, "petavailability"?}`.
///
/// The site sends `petavailability` only when a pet becomes available again (an adoption is cancelled);
/// its absence (or `null`) means the pet was adopted.
struct StatusUpdate: Equatable {
    var pet: PetKey
    var userID: String?
    var availability: String

    /// Reads the request's body; a body that says nothing usable is a `BadRequest` telling the caller why.
    init(request: APIGatewayProxyRequest) throws(BadRequest) {
        let body: [UInt8]?
        do {
            body = try request.bodyBytes()
        } catch {
            throw BadRequest("\(error)")
        }
        guard let body, !body.isEmpty else { throw BadRequest("the request has no body") }
        guard let json = try? LambdaJSONDecoder().decode(JSONValue.self, from: body) else {
            throw BadRequest("the request body is not valid JSON")
        }
        guard case .object(let fields) = json else { throw BadRequest("the request body must be a JSON object") }
        pet = PetKey(pettype: try Self.key("pettype", in: fields), petid: try Self.key("petid", in: fields))
        userID = fields["userid"]?.stringValue
        availability = (fields["petavailability"] ?? .null).isNull ? "no" : "yes"
    }

    private static func key(_ name: String, in fields: [String: JSONValue]) throws(BadRequest) -> String {
        guard let value = fields[name], !value.isNull else { throw BadRequest("\(name) is missing") }
        guard let text = value.stringValue, !text.isEmpty else { throw BadRequest("\(name) must be a non-empty string") }
        return text
    }
}

/// A request the function cannot act on; `message` goes back to the caller in a 400.
struct BadRequest: Error, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
