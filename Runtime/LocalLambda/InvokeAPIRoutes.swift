#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird

/// Lambda's Invoke API (2015-03-31), enough for `aws lambda invoke --endpoint-url` and the SDKs.
func invokeAPIRouter(for sandboxes: [String: FunctionSandbox]) -> Router<LocalRequestContext> {
    let router = Router(context: LocalRequestContext.self)
    router.post("2015-03-31/functions/:function/invocations") { request, context -> Response in
        let name = functionName(fromIdentifier: try context.parameters.require("function"))
        guard let sandbox = sandboxes[name] else {
            return errorResponse(
                status: 404, type: "ResourceNotFoundException",
                message: "Function not found: arn:aws:lambda:us-east-1:123456789012:function:\(name)",
                headers: [.lambda("X-Amzn-ErrorType"): "ResourceNotFoundException"])
        }
        let body = try await readBody(request, limit: RuntimeAPILimits.maximumRequestBytes)
        guard body.size <= RuntimeAPILimits.maximumRequestBytes else {
            return errorResponse(
                status: 413, type: "RequestTooLargeException",
                message: "Request must be smaller than \(RuntimeAPILimits.maximumRequestBytes) bytes for the InvokeFunction operation",
                headers: [.lambda("X-Amzn-ErrorType"): "RequestTooLargeException"])
        }
        var invocation = InvocationRequest(payload: body.bytes)
        invocation.clientContext = request.headers[.lambda("X-Amz-Client-Context")].flatMap(decodedBase64)
        invocation.cognitoIdentity = request.headers[.lambda("X-Lambda-Local-Cognito-Identity")].flatMap(decodedBase64)

        switch request.headers[.lambda("X-Amz-Invocation-Type")] ?? "RequestResponse" {
        case "Event":
            Task { _ = await sandbox.invoke(invocation) }
            return Response(status: .accepted)
        case "DryRun":
            return Response(status: .noContent)
        default:
            return invokeResponse(await sandbox.invoke(invocation))
        }
    }
    return router
}

/// Lambda answers 200 even when the function failed, and says so in `X-Amz-Function-Error`.
private func invokeResponse(_ result: InvocationResult) -> Response {
    var headers: HTTPFields = [
        .contentType: result.contentType,
        .lambda("X-Amz-Executed-Version"): "$LATEST",
        .lambda("X-Amzn-RequestId"): result.requestID,
    ]
    if result.functionError != nil {
        headers[.lambda("X-Amz-Function-Error")] = "Unhandled"
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
