public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    public var description: String { rawValue }
}

/// Whether a request follows `Location` on 3xx answers.
public enum RedirectPolicy: Sendable, Equatable {
    /// The 3xx response is returned as is (the default: AWS calls never redirect).
    case none
    /// Follows up to `max` redirects; 301/302/303 turn a POST into a GET, as browsers do.
    case follow(max: Int)
}

public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// An absolute `http`/`https` URL, already percent-encoded as it goes on the wire.
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The whole transfer (connect, send, receive) must finish within this time.
    public var timeout: Duration
    public var redirects: RedirectPolicy
    /// Cookies received are stored in, and sent from, this session. Nil: no cookie handling.
    public var cookies: HTTPCookieSession?

    public init(
        method: HTTPMethod = .get, url: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        timeout: Duration = .seconds(30), redirects: RedirectPolicy = .none, cookies: HTTPCookieSession? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.redirects = redirects
        self.cookies = cookies
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The URL that answered (differs from the request's after redirects).
    public var url: String

    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = [], url: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
    }

    /// The body decoded as UTF-8 (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
