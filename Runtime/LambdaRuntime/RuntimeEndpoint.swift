/// Where the Runtime API lives, from `AWS_LAMBDA_RUNTIME_API`, and the URLs the loop calls, formatted
/// once at start-up.
///
/// Lambda sets `host:port`; emulators (cargo-lambda, our `lambda-local`) also use a URL with a scheme
/// and a base path, such as `http://127.0.0.1:9000/.rt/Echo`. Both are accepted.
struct RuntimeEndpoint: Equatable, Sendable {
    static let apiVersion = "2018-06-01"

    /// `scheme://host:port[/base]`, without a trailing slash.
    let baseURL: String

    init(_ value: String) throws(InvalidRuntimeEndpoint) {
        let trimmed = value.trimmingASCIIWhitespace()
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        guard let schemeEnd = withScheme.firstRange(of: "://") else { throw InvalidRuntimeEndpoint(value: value) }
        let scheme = withScheme[..<schemeEnd.lowerBound]
        let afterScheme = withScheme[schemeEnd.upperBound...]
        let host = afterScheme.prefix { $0 != "/" }
        guard scheme == "http" || scheme == "https", !host.isEmpty, !afterScheme.contains(" ") else {
            throw InvalidRuntimeEndpoint(value: value)
        }
        var base = withScheme
        while base.hasSuffix("/") { base.removeLast() }
        baseURL = base
    }

    var nextURL: String { "\(baseURL)/\(Self.apiVersion)/runtime/invocation/next" }
    var initErrorURL: String { "\(baseURL)/\(Self.apiVersion)/runtime/init/error" }
    /// `…/runtime/invocation/`, to which the loop appends `{id}/response` or `{id}/error`.
    var invocationPrefix: String { "\(baseURL)/\(Self.apiVersion)/runtime/invocation/" }
}

struct InvalidRuntimeEndpoint: Error, CustomStringConvertible {
    let value: String
    var description: String {
        "AWS_LAMBDA_RUNTIME_API is not host:port or http://host:port[/path]: \(JSONText.string(value))"
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
