import LambdaSystem
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
        // Plain byte work: generic string searching (`firstRange(of:)`, `contains(_: String)`) costs
        // a tenth of a millisecond of type lookups at start-up, before the first `/next`.
        let trimmed = value.trimmingWhitespace()
        var base: String
        let schemeLength: Int  // of `http://` or `https://`
        if trimmed.hasPrefix("http://") {
            (base, schemeLength) = (trimmed, 7)
        } else if trimmed.hasPrefix("https://") {
            (base, schemeLength) = (trimmed, 8)
        } else if Self.hasSchemeSeparator(trimmed) {
            throw InvalidRuntimeEndpoint(value: value)  // a scheme, but not HTTP
        } else {
            (base, schemeLength) = ("http://" + trimmed, 7)
        }
        let afterScheme = base.utf8.dropFirst(schemeLength)
        guard let first = afterScheme.first, first != UInt8(ascii: "/"), !afterScheme.contains(UInt8(ascii: " ")) else {
            throw InvalidRuntimeEndpoint(value: value)  // no host, or a space
        }
        while base.utf8.last == UInt8(ascii: "/") { base.removeLast() }
        baseURL = base
    }

    private static func hasSchemeSeparator(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.indices.dropLast(2).contains {
            bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == UInt8(ascii: "/") && bytes[$0 + 2] == UInt8(ascii: "/")
        }
    }

    var nextURL: String { "\(baseURL)/\(Self.apiVersion)/runtime/invocation/next" }
    var initErrorURL: String { "\(baseURL)/\(Self.apiVersion)/runtime/init/error" }
    /// `…/runtime/invocation/`, to which the loop appends `{id}/response` or `{id}/error`.
    var invocationPrefix: String { "\(baseURL)/\(Self.apiVersion)/runtime/invocation/" }
}

struct InvalidRuntimeEndpoint: Error, CustomStringConvertible {
    let value: String
    var description: String {
        "AWS_LAMBDA_RUNTIME_API is not host:port or http://host:port[/path]: \(JSONStringLiteral.string(value))"
    }
}
