#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird

/// The Invoke API's own refusals (the function never ran), with Lambda's status, `X-Amzn-ErrorType` and
/// body: `{"Type":"User","Message":"…"}`, which the AWS CLI and SDKs show as the error message.
enum InvokeAPIError: Error {
    case functionNotFound(arn: String)
    case invalidRequestContent(reason: String)
    case requestTooLarge
    /// Every environment the function may have is busy.
    case tooManyRequests

    var status: Int {
        switch self {
        case .functionNotFound: 404
        case .invalidRequestContent: 400
        case .requestTooLarge: 413
        case .tooManyRequests: 429
        }
    }

    var errorType: String {
        switch self {
        case .functionNotFound: "ResourceNotFoundException"
        case .invalidRequestContent: "InvalidRequestContentException"
        case .requestTooLarge: "RequestTooLargeException"
        case .tooManyRequests: "TooManyRequestsException"
        }
    }

    var message: String {
        switch self {
        case .functionNotFound(let arn): "Function not found: \(arn)"
        case .invalidRequestContent(let reason): "Could not parse request body into json: \(reason)"
        case .requestTooLarge:
            "Request must be smaller than \(RuntimeAPILimits.maximumRequestBytes) bytes for the InvokeFunction operation"
        case .tooManyRequests: "Rate Exceeded."
        }
    }

    /// Why a throttle happened, as Lambda says it in the body's `Reason`: the limit here is per function.
    var reason: String? {
        guard case .tooManyRequests = self else { return nil }
        return "ReservedFunctionConcurrentInvocationLimitExceeded"
    }

    /// Lambda's spelling; `User` says the caller, not Lambda, is at fault.
    private struct Body: Encodable {
        let type = "User"
        let message: String
        let reason: String?

        enum CodingKeys: String, CodingKey {
            case type = "Type", message = "Message", reason = "Reason"
        }
    }

    func response(requestID: String) -> Response {
        let headers: HTTPFields = [
            .contentType: "application/json",
            .lambda("X-Amzn-ErrorType"): errorType,
            .lambda("X-Amzn-RequestId"): requestID,
        ]
        let body = (try? JSONEncoder().encode(Body(message: message, reason: reason))) ?? Data()
        return Response(status: .init(code: status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
