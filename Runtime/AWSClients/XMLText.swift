/// Just enough XML reading for the small, flat documents S3 and moto answer with: the text of an element
/// by name, entities decoded. Not a parser; nested elements of the same name are not supported.
enum XMLText {
    static func firstValue(of element: String, in xml: some StringProtocol) -> String? {
        values(of: element, in: xml).first
    }

    static func values(of element: String, in xml: some StringProtocol) -> [String] {
        var results: [String] = []
        var rest = Substring(xml)
        let open = "<\(element)>"
        let close = "</\(element)>"
        while let start = rest.firstRange(of: open), let end = rest[start.upperBound...].firstRange(of: close) {
            results.append(decodeEntities(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return results
    }

    static func decodeEntities(_ text: some StringProtocol) -> String {
        guard text.contains("&") else { return String(text) }
        return String(text)
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">")
            .replacing("&quot;", with: "\"").replacing("&apos;", with: "'")
            .replacing("&amp;", with: "&")
    }

    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }
}
