/// What a caller hands the emulator to invoke a function.
public struct InvocationRequest: Sendable {
    public var payload: [UInt8]
    /// The client context JSON, delivered to the runtime as `Lambda-Runtime-Client-Context`.
    public var clientContext: String?
    /// The Cognito identity JSON, delivered as `Lambda-Runtime-Cognito-Identity`.
    public var cognitoIdentity: String?
    /// Delivered as `Lambda-Runtime-Aws-Tenant-Id`.
    public var tenantID: String?

    public init(payload: [UInt8], clientContext: String? = nil, cognitoIdentity: String? = nil, tenantID: String? = nil) {
        self.payload = payload
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
    }
}

/// What the caller gets back, as Lambda's Invoke API returns it.
public struct InvocationResult: Sendable {
    public let requestID: String
    /// The function's response, or the error JSON when `functionError` is set.
    public let payload: [UInt8]
    public let contentType: String
    /// The error type (`Function.X`, `Runtime.X`, `Sandbox.Timedout`) when the invocation failed.
    public let functionError: String?
    /// The last 4 KB of the invocation's log (START to REPORT and the runtime's output in between), as
    /// Lambda returns it for `X-Amz-Log-Type: Tail`.
    public internal(set) var logTail: [UInt8] = []

    public var succeeded: Bool { functionError == nil }
}
