import Logging

/// The function's configuration as Lambda passes it: environment variables, read once at init.
public struct LambdaEnvironment: Sendable {
    public let variables: [String: String]

    public init(_ variables: [String: String]) {
        self.variables = variables
    }

    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// A variable the function cannot start without; its absence is an init error naming it.
    public func required(_ name: String) throws(MissingEnvironmentVariable) -> String {
        guard let value = self[name] else { throw MissingEnvironmentVariable(name: name) }
        return value
    }

    public var functionName: String { self["AWS_LAMBDA_FUNCTION_NAME"] ?? "" }
    public var functionVersion: String { self["AWS_LAMBDA_FUNCTION_VERSION"] ?? "$LATEST" }
    public var memoryLimitMB: Int { Int(self["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] ?? "") ?? 128 }
    public var region: String? { self["AWS_REGION"] ?? self["AWS_DEFAULT_REGION"] }
}

public struct MissingEnvironmentVariable: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "missing required environment variable \(name)" }
}

/// What a handler's initializer gets: runs once, before the first invocation.
public struct LambdaInitContext: Sendable {
    public let environment: LambdaEnvironment
    public let logger: Logger

    public init(environment: LambdaEnvironment, logger: Logger) {
        self.environment = environment
        self.logger = logger
    }
}

extension LambdaEnvironment {
    /// `_HANDLER`: the handler name the function was configured with, for executables that serve several.
    public var handlerName: String? { self["_HANDLER"] }
}
