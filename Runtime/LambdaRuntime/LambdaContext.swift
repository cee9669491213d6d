#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import LambdaSystem

/// What the Runtime API tells a handler about the invocation it is serving.
public struct LambdaContext: Sendable {
    /// `Lambda-Runtime-Aws-Request-Id`.
    public let requestID: String
    /// `Lambda-Runtime-Deadline-Ms`: when Lambda stops the invocation, in milliseconds since the Unix epoch.
    public let deadlineMilliseconds: Int64
    /// `Lambda-Runtime-Invoked-Function-Arn`.
    public let invokedFunctionARN: String
    /// `Lambda-Runtime-Trace-Id`, absent when the Runtime API sends none.
    public let traceID: String?
    /// `Lambda-Runtime-Client-Context`: the mobile client context, JSON as delivered.
    public let clientContext: String?
    /// `Lambda-Runtime-Cognito-Identity`: the caller's Cognito identity, JSON as delivered.
    public let cognitoIdentity: String?
    /// `Lambda-Runtime-Aws-Tenant-Id`, for functions in tenant isolation mode.
    public let tenantID: String?
    /// A logger whose lines carry this invocation's request id.
    public let logger: Logger

    public init(
        requestID: String,
        deadlineMilliseconds: Int64,
        invokedFunctionARN: String,
        traceID: String? = nil,
        clientContext: String? = nil,
        cognitoIdentity: String? = nil,
        tenantID: String? = nil,
        logger: Logger
    ) {
        self.requestID = requestID
        self.deadlineMilliseconds = deadlineMilliseconds
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
        self.logger = logger
    }

    /// Time left before the deadline; zero once it has passed.
    public var remainingTime: Duration {
        let left = deadlineMilliseconds - SystemClock.epochMilliseconds()
        return .milliseconds(max(0, left))
    }
}
