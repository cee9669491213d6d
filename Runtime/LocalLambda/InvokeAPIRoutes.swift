#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird

/// Lambda's Invoke API (2015-03-31), enough for `aws lambda invoke --endpoint-url` and the SDKs.
func invokeAPIRouter(for pools: [String: EnvironmentPool], region: String) -> Router<LocalRequestContext> {
    let router = Router(context: LocalRequestContext.self)
    router.post("2015-03-31/functions/:function/invocations") { request, context -> Response in
        let requestID = Identifiers.requestID()
        let name = functionName(fromIdentifier: try context.parameters.require("function"))
        guard let pool = pools[name] else {
            return InvokeAPIError.functionNotFound(arn: FunctionConfiguration.arn(name: name, region: region))
                .response(requestID: requestID)
        }
        let body = try await readBody(request, limit: RuntimeAPILimits.maximumRequestBytes)
        guard body.size <= RuntimeAPILimits.maximumRequestBytes else {
            return InvokeAPIError.requestTooLarge.response(requestID: requestID)
        }
        if let reason = invalidJSONReason(body.bytes) {
            return InvokeAPIError.invalidRequestContent(reason: reason).response(requestID: requestID)
        }
        // No payload at all (`aws lambda invoke` without `--payload`) reaches the function as `{}` on Lambda.
        var invocation = InvocationRequest(payload: body.bytes.isEmpty ? Array("{}".utf8) : body.bytes)
        invocation.clientContext = request.headers[.lambda("X-Amz-Client-Context")].flatMap(decodedBase64)
        invocation.cognitoIdentity = request.headers[.lambda("X-Lambda-Local-Cognito-Identity")].flatMap(decodedBase64)
        let requestIDHeader: HTTPFields = [.lambda("X-Amzn-RequestId"): requestID]

        switch request.headers[.lambda("X-Amz-Invocation-Type")] ?? "RequestResponse" {
        case "Event":
            // Lambda queues an event and retries throttles itself, so an event waits for an environment.
            Task { _ = await pool.invoke(invocation, requestID: requestID, whenAllBusy: .wait) }
            return Response(status: .accepted, headers: requestIDHeader)
        case "DryRun":
            return Response(status: .noContent, headers: requestIDHeader)
        default:
            guard let result = await pool.invoke(invocation, requestID: requestID, whenAllBusy: .throttle) else {
                return InvokeAPIError.tooManyRequests.response(requestID: requestID)
            }
            let wantsTail = request.headers[.lambda("X-Amz-Log-Type")] == "Tail"
            return invokeResponse(result, logTail: wantsTail)
        }
    }
    return router
}

/// Lambda answers 200 even when the function failed, and says so in `X-Amz-Function-Error`.
private func invokeResponse(_ result: InvocationResult, logTail: Bool) -> Response {
    var headers: HTTPFields = [
        .contentType: result.contentType,
        .lambda("X-Amz-Executed-Version"): "$LATEST",
        .lambda("X-Amzn-RequestId"): result.requestID,
    ]
    if result.functionError != nil {
        headers[.lambda("X-Amz-Function-Error")] = "Unhandled"
    }
    if logTail {
        headers[.lambda("X-Amz-Log-Result")] = Data(result.logTail).base64EncodedString()
    }
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: result.payload)))
}

/// `Echo`, `Echo:$LATEST` and `arn:aws:lambda:…:function:Echo[:qualifier]` all name `Echo`.
func functionName(fromIdentifier identifier: String) -> String {
    let identifier = identifier.removingPercentEncoding ?? identifier
    let parts = identifier.split(separator: ":", omittingEmptySubsequences: false)
    if let function = parts.firstIndex(of: "function"), parts.count > function + 1 {
        return String(parts[function + 1])
    }
    return String(parts[0])
}

private func decodedBase64(_ text: String) -> String? {
    Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) }
}
