/// The Runtime API's refusals, with the status codes and error types the RIE answers with.
enum RuntimeAPIError: Error {
    /// The id is not the invocation in flight (unknown or stale): 400.
    case invalidRequestID
    /// A second `/response` or `/error` for an invocation, or an init error after init: 403.
    case invalidStateTransition
    /// A buffered response above `RuntimeAPILimits.maximumResponseBytes`: 413.
    case requestEntityTooLarge
    /// A post echoing a `Lambda-Runtime-Invocation-Id` that is not the one in flight: its invocation
    /// timed out (a later invoke may reuse the request id), so the late result is refused: 410 Gone.
    case invokeTimeout

    var status: Int {
        switch self {
        case .invalidRequestID: 400
        case .invalidStateTransition: 403
        case .requestEntityTooLarge: 413
        case .invokeTimeout: 410
        }
    }

    var errorType: String {
        switch self {
        case .invalidRequestID: "InvalidRequestID"
        case .invalidStateTransition: "InvalidStateTransition"
        case .requestEntityTooLarge: "RequestEntityTooLarge"
        // The name the AWS runtime clients (.NET's RuntimeSupport) give this rejection.
        case .invokeTimeout: "ErrorRuntimeInvokeTimeout"
        }
    }

    var message: String {
        switch self {
        case .invalidRequestID: "Invalid request ID"
        case .invalidStateTransition: "State transition is not allowed"
        case .requestEntityTooLarge:
            "Exceeded maximum allowed payload size (\(RuntimeAPILimits.maximumResponseBytes) bytes)."
        case .invokeTimeout: "Invoke timed out: this response belongs to an invocation that has ended"
        }
    }
}

enum RuntimeAPILimits {
    /// A buffered response may be 6 MiB plus 100 bytes (the RIE's `MaxPayloadSize`).
    static let maximumResponseBytes = 6 * 1024 * 1024 + 100
    /// A synchronous invocation's payload: 6 MB, as the Invoke API documents it.
    static let maximumRequestBytes = 6 * 1024 * 1024
    /// Lambda's limit for a runtime's init (an on-demand function's INIT phase).
    static let initSeconds = 10
    /// How long a runtime that reported an init error has to exit by itself before it is killed.
    static let exitGracePeriod = Duration.seconds(2)
}
