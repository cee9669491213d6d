#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

extension LambdaEnvironment {
    /// The process's environment, as Lambda set it when it started the runtime. `Lambda.run` passes
    /// it to the handler's initializer; a `main.swift` that must choose its handler before calling
    /// `Lambda.run` (by `handlerName`, say) reads it here.
    public static func fromProcess() -> LambdaEnvironment {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return LambdaEnvironment(variables)
    }
}

/// `_X_AMZN_TRACE_ID`, which X-Ray SDKs read from the environment, follows the invocation being served.
enum TraceEnvironment {
    static func set(_ traceID: String?) {
        if let traceID {
            setenv("_X_AMZN_TRACE_ID", traceID, 1)
        } else {
            unsetenv("_X_AMZN_TRACE_ID")
        }
    }
}

enum StandardOutput {
    /// Lambda collects stdout through a pipe, which stdio would buffer in 4 KiB blocks: line buffering
    /// makes a handler's `print` show up at once, and not get lost when the process is killed.
    static func useLineBuffering() {
        setvbuf(stdout, nil, _IOLBF, 0)
    }
}
