/// The environment a runtime process starts with: what Lambda sets, the caller's AWS settings so the
/// function can reach AWS (or a local endpoint), and the function's own variables.
enum RuntimeEnvironment {
    static func variables(
        for function: FunctionConfiguration,
        runtimeAPI: String,
        caller: [String: String],
        epochSeconds: Int64
    ) -> [String: String] {
        var variables = caller.filter { isPassedThrough($0.key) }
        variables.merge(function.variables) { _, own in own }
        let taskRoot = function.executable.map(directory) ?? "/var/task"
        variables.merge([
            "AWS_LAMBDA_RUNTIME_API": runtimeAPI,
            "AWS_LAMBDA_FUNCTION_NAME": function.name,
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memoryMB),
            "AWS_LAMBDA_FUNCTION_TIMEOUT": String(function.timeoutSeconds),
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(function.name)",
            "AWS_LAMBDA_LOG_STREAM_NAME": Identifiers.logStreamName(epochSeconds: epochSeconds),
            "AWS_REGION": function.region,
            "AWS_DEFAULT_REGION": function.region,
            "_HANDLER": function.handler,
            "LAMBDA_TASK_ROOT": taskRoot,
            "LAMBDA_RUNTIME_DIR": taskRoot,
            "TZ": ":UTC",
        ]) { _, lambda in lambda }
        if let logFormat = function.logFormat {
            variables["AWS_LAMBDA_LOG_FORMAT"] = logFormat
        }
        return variables
    }

    /// Credentials, profile and endpoint settings (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_DYNAMODB`, …) and
    /// `PATH`; nothing else of the caller's environment reaches the function, as on Lambda.
    private static func isPassedThrough(_ name: String) -> Bool {
        name == "PATH" || ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION",
                           "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_CONFIG_FILE",
                           "AWS_SHARED_CREDENTIALS_FILE"].contains(name)
            || name.hasPrefix("AWS_ENDPOINT_URL")
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
