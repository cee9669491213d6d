import HTTPClient
import LambdaJSON
import LambdaSystem

/// An error answer from an AWS service (any non-2xx response).
public struct AWSError: Error, Sendable, CustomStringConvertible {
    /// The service's error code, e.g. `ResourceNotFoundException`, `NoSuchKey`, `SignatureDoesNotMatch`.
    public var code: String
    public var message: String
    public var status: Int
    public var requestID: String?
    /// The raw error body, for service-specific fields.
    public var body: [UInt8]

    public init(code: String, message: String, status: Int, requestID: String? = nil, body: [UInt8] = []) {
        self.code = code
        self.message = message
        self.status = status
        self.requestID = requestID
        self.body = body
    }

    public var description: String {
        "AWSError \(code) (HTTP \(status)\(requestID.map { ", request \($0)" } ?? "")): \(message)"
    }

    /// Reads the code and message from either wire format: JSON (`__type`, `x-amzn-ErrorType`) or XML (`<Code>`).
    /// moto answers authentication failures in XML even on JSON services, so the body decides, not the service.
    public init(response: HTTPResponse) {
        let requestID = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
        let text = response.text.trimmingWhitespace()
        var code: String?
        var message: String?
        if text.hasPrefix("<") {
            code = XMLText.firstValue(of: "Code", in: text)
            message = XMLText.firstValue(of: "Message", in: text)
        } else if let json = try? LambdaJSONDecoder().decode(JSONErrorBody.self, from: response.body) {
            code = json.type.map { $0.split(separator: "#").last.map(String.init) ?? $0 } ?? json.code
            message = json.message ?? json.Message
        }
        if let header = response.headers["x-amzn-ErrorType"] {
            code = String(header.prefix { $0 != ":" })
        }
        self.init(
            code: code ?? Self.codeForStatus(response.status), message: message ?? "",
            status: response.status, requestID: requestID, body: response.body)
    }

    private static func codeForStatus(_ status: Int) -> String {
        switch status {
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 429: "TooManyRequestsException"
        default: "HTTP\(status)"
        }
    }

    private struct JSONErrorBody: Decodable {
        var type: String?
        var code: String?
        var message: String?
        var Message: String?  // swiftlint:disable:this identifier_name
        enum CodingKeys: String, CodingKey {
            case type = "__type", code, message, Message
        }
    }
}
