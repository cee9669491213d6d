import LambdaJSON

/// What the REST (v1) and HTTP API (v2) proxy requests have in common: headers and a possibly base64 body.
public protocol APIGatewayHTTPRequest {
    var headers: [String: String]? { get }
    var body: String? { get }
    var isBase64Encoded: Bool { get }
}

/// Why a request body could not be read.
public enum APIGatewayBodyError: Error, Equatable, CustomStringConvertible {
    case missingBody
    case invalidBase64

    public var description: String {
        switch self {
        case .missingBody: "the request has no body"
        case .invalidBase64: "the request body is marked base64 but is not valid base64"
        }
    }
}

extension APIGatewayHTTPRequest {
    /// The value of header `name`, matched case-insensitively (clients and API Gateway differ in case).
    public func header(_ name: String) -> String? {
        guard let headers else { return nil }
        if let exact = headers[name] { return exact }
        let wanted = name.lowercased()
        return headers.first { $0.key.lowercased() == wanted }?.value
    }

    /// The body's bytes, base64-decoded when API Gateway encoded it; nil when there is no body.
    public func bodyBytes() throws(APIGatewayBodyError) -> [UInt8]? {
        guard let body else { return nil }
        guard isBase64Encoded else { return Array(body.utf8) }
        guard let bytes = Base64.decode(body) else { throw .invalidBase64 }
        return bytes
    }

    /// The body parsed as JSON into `T`. Throws `APIGatewayBodyError` or the decoder's `DecodingError`.
    public func decodeBody<T: Decodable>(as type: T.Type = T.self) throws -> T {
        guard let bytes = try bodyBytes() else { throw APIGatewayBodyError.missingBody }
        return try LambdaJSONDecoder().decode(T.self, from: bytes)
    }
}

/// What the REST (v1) and HTTP API (v2) proxy responses have in common, so one set of constructors serves both.
public protocol APIGatewayHTTPResponse {
    init(statusCode: Int, headers: [String: String]?, body: String?, isBase64Encoded: Bool)
}

extension APIGatewayHTTPResponse {
    /// A response whose body is `value` encoded as JSON, with `Content-Type: application/json`.
    public static func json(
        _ value: some Encodable, statusCode: Int = 200, contentType: String = "application/json",
        headers: [String: String] = [:]
    ) throws -> Self {
        let body = String(decoding: try LambdaJSONEncoder().encode(value), as: UTF8.self)
        return Self(
            statusCode: statusCode, headers: headers.settingContentType(contentType), body: body,
            isBase64Encoded: false)
    }

    /// A response with a text body (`text/plain; charset=utf-8` unless `contentType` says otherwise).
    public static func text(
        _ text: String, statusCode: Int = 200, contentType: String = "text/plain; charset=utf-8",
        headers: [String: String] = [:]
    ) -> Self {
        Self(statusCode: statusCode, headers: headers.settingContentType(contentType), body: text, isBase64Encoded: false)
    }

    /// A response with a binary body, which API Gateway decodes from base64 before sending it on.
    public static func binary(
        _ bytes: [UInt8], statusCode: Int = 200, contentType: String, headers: [String: String] = [:]
    ) -> Self {
        Self(
            statusCode: statusCode, headers: headers.settingContentType(contentType),
            body: Base64.encode(bytes), isBase64Encoded: true)
    }
}

extension [String: String] {
    /// The headers with `Content-Type` set to `value`, replacing any spelling of it already there.
    fileprivate func settingContentType(_ value: String) -> [String: String] {
        var headers = filter { $0.key.lowercased() != "content-type" }
        headers["Content-Type"] = value
        return headers
    }
}
