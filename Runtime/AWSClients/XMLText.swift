/// Just enough XML reading for the small, flat documents S3 and moto answer with: the text of an element
/// by name, entities decoded. Not a parser; nested elements of the same name are not supported.
///
/// Works on UTF-8 bytes with the standard library alone: the string algorithms of `_StringProcessing`
/// (`firstRange(of:)`, `replacing(_:with:)`) would link the whole regex engine, 1.25 MB, into a bootstrap.
enum XMLText {
    static func firstValue(of element: String, in xml: some StringProtocol) -> String? {
        values(of: element, in: xml).first
    }

    static func values(of element: String, in xml: some StringProtocol) -> [String] {
        let bytes = Array(xml.utf8)
        let open = Array("<\(element)>".utf8)
        let close = Array("</\(element)>".utf8)
        var results: [String] = []
        var position = 0
        while let start = bytes.firstIndex(of: open, from: position),
              let end = bytes.firstIndex(of: close, from: start + open.count) {
            results.append(decodeEntities(String(decoding: bytes[(start + open.count)..<end], as: UTF8.self)))
            position = end + close.count
        }
        return results
    }

    private static let entities: [(entity: [UInt8], character: UInt8)] = [
        (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&apos;".utf8), UInt8(ascii: "'")),
        (Array("&amp;".utf8), UInt8(ascii: "&")),
    ]

    static func decodeEntities(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(text) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"),
               let known = entities.first(where: { bytes[index...].starts(with: $0.entity) }) {
                decoded.append(known.character)
                index += known.entity.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    static func escape(_ text: String) -> String {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

extension [UInt8] {
    /// Where `needle` first occurs at or after `start`.
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, count >= needle.count, start <= count - needle.count else { return nil }
        for candidate in start...(count - needle.count) where self[candidate...].starts(with: needle) {
            return candidate
        }
        return nil
    }
}
