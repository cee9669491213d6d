/// A transfer that produced no HTTP response. (Any HTTP status, 4xx and 5xx included, is a response.)
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case invalidRequest
        case hostNotFound
        case connectionFailed
        case timedOut
        /// The peer's certificate did not verify, or the TLS handshake failed.
        case tlsFailure
        case tooManyRedirects
        /// The connection broke while sending or receiving.
        case connectionLost
        case other
    }

    public var kind: Kind
    /// libcurl's `CURLcode`, for diagnostics.
    public var curlCode: Int
    public var message: String

    public init(kind: Kind, curlCode: Int = 0, message: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
    }

    /// Worth retrying: nothing suggests the request itself is wrong.
    public var isTransient: Bool {
        switch kind {
        case .hostNotFound, .connectionFailed, .timedOut, .connectionLost: true
        case .invalidRequest, .tlsFailure, .tooManyRedirects, .other: false
        }
    }

    public var description: String { "HTTPClientError.\(kind) (curl \(curlCode)): \(message)" }
}
