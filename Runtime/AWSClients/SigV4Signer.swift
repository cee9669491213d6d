import HTTPClient
import LambdaSystem

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`), in an `Authorization` header or in the query string.
public struct SigV4Signer: Sendable {
    public struct Options: Sendable, Equatable {
        /// Remove `.`/`..` segments and repeated slashes from the path before signing.
        public var normalizesPath = true
        /// Percent-encode the (already encoded) wire path once more. Every service but S3 expects it.
        public var doubleEncodesPath = true
        /// Send the payload hash as `x-amz-content-sha256` (S3 requires it).
        public var addsContentSHA256Header = false
        /// Add the session token after signing instead of signing it (a few services want this).
        public var omitsSessionTokenFromSignature = false

        public init() {}

        /// What every service but S3 expects.
        public static let standard = Options()
        /// S3: unnormalized, single-encoded paths and an `x-amz-content-sha256` header.
        public static let s3: Options = {
            var options = Options()
            options.normalizesPath = false
            options.doubleEncodesPath = false
            options.addsContentSHA256Header = true
            return options
        }()
    }

    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    static let algorithm = "AWS4-HMAC-SHA256"
    /// Headers a proxy or the HTTP layer may change in transit, so they are never signed (the AWS SDKs' list).
    static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    public var credentials: AWSCredentials
    public var region: String
    public var service: String
    public var options: Options

    public init(credentials: AWSCredentials, region: String, service: String, options: Options = .standard) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    /// Adds `Host` (if missing), `X-Amz-Date`, `X-Amz-Security-Token`, `x-amz-content-sha256` (if asked)
    /// and `Authorization` to the request.
    public func sign(_ request: inout HTTPRequest, date: Timestamp = .now(), payloadHash: String? = nil) {
        _ = signWithDetails(&request, date: date, payloadHash: payloadHash)
    }

    /// Returns the request with the signature in its query string, valid for `expires` seconds.
    public func presign(_ request: HTTPRequest, expires: Int, date: Timestamp = .now(),
                        payloadHash: String? = nil) -> HTTPRequest {
        presignWithDetails(request, expires: expires, date: date, payloadHash: payloadHash).request
    }

    // MARK: - Steps (internal so tests can check each intermediate result)

    struct Details {
        var request: HTTPRequest
        var canonicalRequest: String
        var stringToSign: String
        var signature: String
    }

    @discardableResult
    func signWithDetails(_ request: inout HTTPRequest, date: Timestamp, payloadHash: String?) -> Details {
        let timestamp = AmzDate(date)
        addHostIfMissing(&request)
        if let token = credentials.sessionToken { request.headers.set("X-Amz-Security-Token", token) }
        request.headers.set("X-Amz-Date", timestamp.full)
        let payloadHash = payloadHash ?? SHA256.hexHash(request.body)
        if options.addsContentSHA256Header { request.headers.set("x-amz-content-sha256", payloadHash) }

        var excluded = Self.unsignedHeaders
        if options.omitsSessionTokenFromSignature { excluded.insert("x-amz-security-token") }
        let headers = CanonicalHeaders(request.headers, excluding: excluded)
        let parts = URLParts(request.url)
        let canonical = canonicalRequest(
            method: request.method.rawValue, path: parts?.path ?? "/",
            query: CanonicalQuery.canonicalize(parts?.query), headers: headers, payloadHash: payloadHash)
        let (stringToSign, signature) = signatureFor(canonicalRequest: canonical, timestamp: timestamp)
        request.headers.set(
            "Authorization",
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope(timestamp)), "
                + "SignedHeaders=\(headers.signedHeaders), Signature=\(signature)")
        return Details(request: request, canonicalRequest: canonical, stringToSign: stringToSign, signature: signature)
    }

    func presignWithDetails(_ request: HTTPRequest, expires: Int, date: Timestamp, payloadHash: String?) -> Details {
        var request = request
        let timestamp = AmzDate(date)
        addHostIfMissing(&request)
        let headers = CanonicalHeaders(request.headers, excluding: Self.unsignedHeaders)
        var authParameters = [
            ("X-Amz-Algorithm", Self.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(timestamp))"),
            ("X-Amz-Date", timestamp.full),
            ("X-Amz-SignedHeaders", headers.signedHeaders),
            ("X-Amz-Expires", String(expires)),
        ]
        let token = credentials.sessionToken.map { ("X-Amz-Security-Token", $0) }
        if let token, !options.omitsSessionTokenFromSignature { authParameters.append(token) }

        let parts = URLParts(request.url)
        let encodedAuthParameters = authParameters.map { "\($0.0)=\(URIEncoding.encode($0.1))" }
        let signedQuery = ([parts?.query].compactMap { $0 }.filter { !$0.isEmpty } + encodedAuthParameters)
            .joined(separator: "&")
        let canonical = canonicalRequest(
            method: request.method.rawValue, path: parts?.path ?? "/",
            query: CanonicalQuery.canonicalize(signedQuery), headers: headers,
            payloadHash: payloadHash ?? SHA256.hexHash(request.body))
        let (stringToSign, signature) = signatureFor(canonicalRequest: canonical, timestamp: timestamp)

        var appended = encodedAuthParameters
        if let token, options.omitsSessionTokenFromSignature {
            appended.append("\(token.0)=\(URIEncoding.encode(token.1))")
        }
        appended.append("X-Amz-Signature=\(signature)")
        let separator = parts?.query.map { $0.isEmpty ? "" : "&" } ?? "?"
        let base = request.url.hasSuffix("?") ? request.url : request.url + separator
        request.url = base + appended.joined(separator: "&")
        return Details(request: request, canonicalRequest: canonical, stringToSign: stringToSign, signature: signature)
    }

    func canonicalRequest(method: String, path: String, query: String, headers: CanonicalHeaders,
                          payloadHash: String) -> String {
        [method, canonicalURI(path), query, headers.canonical, "", headers.signedHeaders, payloadHash]
            .joined(separator: "\n")
    }

    func canonicalURI(_ wirePath: String) -> String {
        if options.doubleEncodesPath {
            let path = options.normalizesPath ? Self.removingDotSegments(wirePath) : wirePath
            return URIEncoding.encode(path, keepingSlashes: true)
        }
        // Single encoding: the path as the service decodes it, encoded once.
        let path = options.normalizesPath ? Self.removingDotSegments(wirePath) : wirePath
        return URIEncoding.encode(URIEncoding.decode(path), keepingSlashes: true)
    }

    /// RFC 3986 dot-segment removal, plus the collapsing of empty segments AWS services expect.
    static func removingDotSegments(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        let joined = leading + segments.joined(separator: "/") + trailing
        return joined.isEmpty ? "/" : joined
    }

    func signatureFor(canonicalRequest: String, timestamp: AmzDate) -> (stringToSign: String, signature: String) {
        let stringToSign = [Self.algorithm, timestamp.full, scope(timestamp),
                            SHA256.hexHash(canonicalRequest.utf8)].joined(separator: "\n")
        let signature = SHA256.authenticationCode(for: stringToSign.utf8, key: signingKey(timestamp))
        return (stringToSign, SHA256.hex(signature))
    }

    private func signingKey(_ timestamp: AmzDate) -> [UInt8] {
        var key = Array("AWS4\(credentials.secretAccessKey)".utf8)
        for part in [timestamp.day, region, service, "aws4_request"] {
            key = SHA256.authenticationCode(for: part.utf8, key: key)
        }
        return key
    }

    private func scope(_ timestamp: AmzDate) -> String {
        "\(timestamp.day)/\(region)/\(service)/aws4_request"
    }

    private func addHostIfMissing(_ request: inout HTTPRequest) {
        guard !request.headers.contains("Host"), let host = URLParts(request.url)?.host else { return }
        request.headers = HTTPHeaders([("Host", host)] + request.headers.map { ($0.name, $0.value) })
    }
}

/// The signing time in SigV4's two formats (`20150830T123600Z` and `20150830`), always UTC.
struct AmzDate {
    let full: String
    let day: String

    init(_ date: Timestamp) {
        let civil = CivilTime(secondsSince1970: date.secondsSince1970)
        let pad = Timestamp.digits
        day = pad(civil.year, 4) + pad(civil.month, 2) + pad(civil.day, 2)
        full = day + "T" + pad(civil.hour, 2) + pad(civil.minute, 2) + pad(civil.second, 2) + "Z"
    }
}
