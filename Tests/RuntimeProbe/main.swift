#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LambdaRuntime
import LambdaSystem

// The runtime's test subject: one typed handler whose event says what to do, so a loop test over real
// HTTP can drive every path of the runtime (success, thrown error, crash, oversize response, slow
// handler, context, logging, init failure). The contract, which the loop tests rely on:
//
//   {"action":"echo","payload":<any JSON>}  -> the payload (same JSON value; object key order may differ)
//   {"action":"throw","message":"m"}        -> throws ProbeError: Function.ProbeError, errorMessage "m"
//                                               (after sleeping "ms" milliseconds, when given)
//   {"action":"crash"}                      -> the process exits at once with status 3, nothing is posted
//   {"action":"oversize","bytes":N}         -> a JSON string longer than N bytes (default 7 MiB)
//   {"action":"sleep","ms":N}               -> sleeps N ms, returns {"slept":N}
//   {"action":"context"}                    -> {"requestId","deadlineMs","invokedFunctionArn","traceId",
//                                               "clientContext","cognitoIdentity","tenantId","remainingMs",
//                                               "xAmznTraceId","functionName","memoryMB"} (absent: null)
//   {"action":"log","message":"m"}          -> logs "m" at INFO and "debug: m" at DEBUG, returns {"logged":true}
//   any other action                        -> throws ProbeError "unknown action: <action>"
//   not such JSON                           -> the runtime reports Runtime.UnmarshalError
//   env PROBE_INIT_FAIL=<m>                 -> the initializer throws ProbeInitError: Function.ProbeInitError, "m"

struct ProbeError: Error, CustomStringConvertible {
    let description: String
}

struct ProbeInitError: Error, CustomStringConvertible {
    let description: String
}

struct ProbeEvent: Decodable, Sendable {
    let action: String
    let payload: JSONValue?
    let message: String?
    let bytes: Int?
    let ms: Int?
}

struct Probe: LambdaHandler {
    let functionName: String
    let memoryMB: Int

    func handle(_ event: ProbeEvent, context: LambdaContext) async throws -> JSONValue {
        switch event.action {
        case "echo":
            return event.payload ?? .null
        case "throw":
            if let milliseconds = event.ms { try await Task.sleep(for: .milliseconds(milliseconds)) }
            throw ProbeError(description: event.message ?? "")
        case "crash":
            exit(3)
        case "oversize":
            return .string(String(repeating: "x", count: event.bytes ?? 7 * 1024 * 1024))
        case "sleep":
            let milliseconds = event.ms ?? 0
            try await Task.sleep(for: .milliseconds(milliseconds))
            return .object([("slept", .integer(Int64(milliseconds)))])
        case "context":
            return contextReport(context)
        case "log":
            let message = event.message ?? ""
            context.logger.info("\(message)")
            context.logger.debug("debug: \(message)")
            return .object([("logged", .bool(true))])
        default:
            throw ProbeError(description: "unknown action: \(event.action)")
        }
    }

    private func contextReport(_ context: LambdaContext) -> JSONValue {
        let remainingMs = context.remainingTime.wholeMilliseconds
        return .object([
            ("requestId", .string(context.requestID)),
            ("deadlineMs", .integer(context.deadlineMilliseconds)),
            ("invokedFunctionArn", .string(context.invokedFunctionARN)),
            ("traceId", .optional(context.traceID)),
            ("clientContext", .optional(context.clientContext)),
            ("cognitoIdentity", .optional(context.cognitoIdentity)),
            ("tenantId", .optional(context.tenantID)),
            ("remainingMs", .integer(remainingMs)),
            ("xAmznTraceId", .optional(getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) })),
            ("functionName", .string(functionName)),
            ("memoryMB", .integer(Int64(memoryMB))),
        ])
    }
}

Lambda.run { context in
    if let message = context.environment["PROBE_INIT_FAIL"] {
        throw ProbeInitError(description: message)
    }
    return Probe(functionName: context.environment.functionName, memoryMB: context.environment.memoryLimitMB)
}
