/// What the probe observed. Failures are observations too, so they are answered, not thrown: the test
/// asserts on them (for example that a certificate for another name is refused).
struct ProbeResult: Encodable, Sendable {
    /// `resolve`: the addresses, in `getaddrinfo`'s order.
    var addresses: [String]?
    /// `fetch`: the HTTP status and the body as text.
    var status: Int?
    var body: String?
    /// The failure: a `getaddrinfo` message, or the client error with its libcurl code.
    var curlCode: Int?
    var error: String?
}
