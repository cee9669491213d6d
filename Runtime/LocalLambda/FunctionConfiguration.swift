/// One function as the emulator runs it: what Lambda knows from the function's configuration.
public struct FunctionConfiguration: Sendable {
    public var name: String
    /// The runtime to start (a function executable or a packaged `bootstrap`). Nil when the runtime is
    /// started by someone else and only polls this emulator's Runtime API.
    public var executable: String?
    /// The function's own environment variables.
    public var variables: [String: String]
    /// Whole seconds, as Lambda configures it.
    public var timeoutSeconds: Int
    public var memoryMB: Int
    public var region: String
    /// `_HANDLER`: for custom runtimes whatever the function's `Handler` setting says.
    public var handler: String
    /// `Text` or `JSON`; passed to the runtime as `AWS_LAMBDA_LOG_FORMAT` when set.
    public var logFormat: String?
    /// The port of this function's Runtime API; 0 picks a free one.
    public var runtimeAPIPort: Int

    public init(
        name: String,
        executable: String?,
        variables: [String: String] = [:],
        timeoutSeconds: Int = 3,
        memoryMB: Int = 128,
        region: String = "us-east-1",
        handler: String? = nil,
        logFormat: String? = nil,
        runtimeAPIPort: Int = 0
    ) {
        self.name = name
        self.executable = executable
        self.variables = variables
        self.timeoutSeconds = timeoutSeconds
        self.memoryMB = memoryMB
        self.region = region
        self.handler = handler ?? name
        self.logFormat = logFormat
        self.runtimeAPIPort = runtimeAPIPort
    }

    /// The ARN Lambda gives the function; the account is the one AWS's documentation and moto use.
    public var arn: String { Self.arn(name: name, region: region) }

    static func arn(name: String, region: String) -> String {
        "arn:aws:lambda:\(region):123456789012:function:\(name)"
    }
}
