/// The pieces of an absolute URL that signing and endpoint handling need. The path and query are kept
/// exactly as written (already percent-encoded, as they go on the wire).
struct URLParts: Equatable {
    var scheme: String
    /// Host name, with `:port` when the port is not the scheme's default (what curl sends as `Host`).
    var host: String
    var path: String
    var query: String?

    init?(_ url: String) {
        // The first `:` must open `://`: a scheme holds no colon.
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
        scheme = url[..<colon].lowercased()
        let rest = url[url.index(colon, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = String(rest[..<authorityEnd])
        guard !authority.isEmpty else { return nil }
        for defaultPort in [(scheme: "https", port: ":443"), (scheme: "http", port: ":80")]
        where scheme == defaultPort.scheme && authority.hasSuffix(defaultPort.port) {
            authority.removeLast(defaultPort.port.count)
        }
        host = authority.lowercased()
        var pathAndQuery = rest[authorityEnd...]
        if let fragment = pathAndQuery.firstIndex(of: "#") { pathAndQuery = pathAndQuery[..<fragment] }
        if let questionMark = pathAndQuery.firstIndex(of: "?") {
            path = String(pathAndQuery[..<questionMark])
            query = String(pathAndQuery[pathAndQuery.index(after: questionMark)...])
        } else {
            path = String(pathAndQuery)
            query = nil
        }
        if path.isEmpty { path = "/" }
    }
}
