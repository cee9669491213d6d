import LambdaJSON
/// A name and value as they travel in a query string, a form body or a flat JSON object.
struct Field: Sendable, Equatable {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One request of a visit, described the way the site's pages send it; `PetSiteBrowser` puts it on the wire.
struct PetSiteStep: Sendable, Equatable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    enum Body: Sendable, Equatable {
        case none
        /// `application/x-www-form-urlencoded`, as an HTML form posts.
        case form([Field])
        /// A flat JSON object of strings, as the site's scripts post.
        case json([Field])
    }

    var method: Method
    var path: String
    var query: [Field] = []
    var body: Body = .none

    /// The path and the percent-encoded query, to append to the site's base URL.
    var target: String {
        query.isEmpty ? path : path + "?" + FormEncoding.encode(query)
    }

    /// The content type and bytes of the body; nil for a body-less request.
    func encodedBody() -> (contentType: String, bytes: [UInt8])? {
        switch body {
        case .none:
            return nil
        case .form(let fields):
            return ("application/x-www-form-urlencoded", Array(FormEncoding.encode(fields).utf8))
        case .json(let fields):
            // One member per name (the last value wins), in name order, so the same step posts the same bytes.
            let object = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
            var json: [UInt8] = [UInt8(ascii: "{")]
            for (index, member) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(member.key, to: &json)
                json.append(UInt8(ascii: ":"))
                JSONWriter.appendString(member.value, to: &json)
            }
            json.append(UInt8(ascii: "}"))
            return ("application/json", json)
        }
    }
}

/// `application/x-www-form-urlencoded`, which query strings share: unreserved characters as they are,
/// everything else as `%XX` of its UTF-8 bytes.
enum FormEncoding {
    static func encode(_ fields: [Field]) -> String {
        fields.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                escaped += byte < 16 ? "%0" + hex : "%" + hex
            }
        }
        return escaped
    }
}
