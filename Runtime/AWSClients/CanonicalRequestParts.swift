import HTTPClient

/// The canonical headers block and the signed-headers list of a request.
struct CanonicalHeaders {
    let canonical: String
    let signedHeaders: String

    init(_ headers: HTTPHeaders, excluding excluded: Set<String>) {
        var valuesByName: [String: [String]] = [:]
        for field in headers {
            let name = field.name.lowercased()
            guard !excluded.contains(name) else { continue }
            valuesByName[name, default: []].append(Self.canonicalValue(field.value))
        }
        let names = valuesByName.keys.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        canonical = names.map { "\($0):\(valuesByName[$0]!.joined(separator: ","))" }.joined(separator: "\n")
        signedHeaders = names.joined(separator: ";")
    }

    /// Trimmed, with every run of ASCII whitespace (folded lines included) turned into one space.
    static func canonicalValue(_ value: String) -> String {
        value.split(whereSeparator: { $0.unicodeScalars.allSatisfy(isASCIIWhitespace) }).joined(separator: " ")
    }

    private static func isASCIIWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || ("\t"..."\r").contains(scalar)
    }
}

enum CanonicalQuery {
    /// Each name and value decoded, then encoded SigV4's way, sorted by name then value.
    static func canonicalize(_ query: String?) -> String {
        guard let query, !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let equals = pair.firstIndex(of: "=")
            let name = equals.map { pair[..<$0] } ?? pair
            let value = equals.map { pair[pair.index(after: $0)...] } ?? ""
            return (name: URIEncoding.encode(URIEncoding.decode(name)),
                    value: URIEncoding.encode(URIEncoding.decode(value)))
        }
        return pairs.sorted { left, right in
            left.name == right.name
                ? Array(left.value.utf8).lexicographicallyPrecedes(right.value.utf8)
                : Array(left.name.utf8).lexicographicallyPrecedes(right.name.utf8)
        }
        .map { "\($0.name)=\($0.value)" }
        .joined(separator: "&")
    }
}
