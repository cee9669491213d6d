import HTTPTypes
import Hummingbird

/// The Runtime API (2018-06-01) of one function, as Lambda and its emulator serve it to a runtime.
func runtimeAPIRouter(for sandbox: FunctionSandbox) -> Router<LocalRequestContext> {
    let router = Router(context: LocalRequestContext.self)
    let runtime = router.group("2018-06-01/runtime")

    runtime.get("invocation/next") { _, context -> Response in
        let channel = context.channel
        switch await sandbox.next(connection: Connection { channel.isActive }) {
        case .event(let event):
            return nextResponse(event)
        case .rejected(let error):
            return refusal(error)
        case .disconnect:
            try await channel.close()
            throw CancellationError()
        }
    }

    runtime.post("invocation/:requestID/response") { request, context -> Response in
        let id = try context.parameters.require("requestID")
        let body = try await readBody(request, limit: RuntimeAPILimits.maximumResponseBytes)
        let report: RuntimeReport = body.size > RuntimeAPILimits.maximumResponseBytes
            ? .oversizedResponse(size: body.size)
            : .response(payload: body.bytes, contentType: request.headers[.contentType] ?? "application/json")
        return accepted(unless: await sandbox.finish(
            requestID: id, invocationID: request.headers[.lambda(invocationIDHeader)], with: report))
    }

    runtime.post("invocation/:requestID/error") { request, context -> Response in
        let id = try context.parameters.require("requestID")
        let body = try await readBody(request, limit: RuntimeAPILimits.maximumResponseBytes)
        let report = RuntimeReport.error(type: request.headers[.lambda("Lambda-Runtime-Function-Error-Type")],
                                         body: body.bytes)
        return accepted(unless: await sandbox.finish(
            requestID: id, invocationID: request.headers[.lambda(invocationIDHeader)], with: report))
    }

    runtime.post("init/error") { request, _ -> Response in
        let body = try await readBody(request, limit: RuntimeAPILimits.maximumResponseBytes)
        let type = request.headers[.lambda("Lambda-Runtime-Function-Error-Type")]
        return accepted(unless: await sandbox.initFailed(type: type, body: body.bytes))
    }
    return router
}

/// Lambda's per-invoke nonce: sent on `/next`, echoed by the runtime on `/response` and `/error`.
private let invocationIDHeader = "Lambda-Runtime-Invocation-Id"

/// The event and its context headers; a header whose value would be empty is left out (RIE).
private func nextResponse(_ event: NextEvent) -> Response {
    var headers: HTTPFields = [
        .contentType: "application/json",
        .lambda("Lambda-Runtime-Aws-Request-Id"): event.requestID,
        .lambda("Lambda-Runtime-Deadline-Ms"): String(event.deadlineMs),
        .lambda("Lambda-Runtime-Invoked-Function-Arn"): event.functionARN,
        .lambda("Lambda-Runtime-Trace-Id"): event.traceID,
        .lambda(invocationIDHeader): event.invocationID,
    ]
    for (name, value) in [("Lambda-Runtime-Client-Context", event.clientContext),
                          ("Lambda-Runtime-Cognito-Identity", event.cognitoIdentity),
                          ("Lambda-Runtime-Aws-Tenant-Id", event.tenantID)] {
        if let value, !value.isEmpty { headers[.lambda(name)] = value }
    }
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: event.payload)))
}

private func accepted(unless error: RuntimeAPIError?) -> Response {
    guard let error else {
        return Response(status: .accepted, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: #"{"status":"OK"}"#)))
    }
    return refusal(error)
}

private func refusal(_ error: RuntimeAPIError) -> Response {
    errorResponse(status: error.status, type: error.errorType, message: error.message)
}
