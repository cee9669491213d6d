#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import LambdaSystem

extension LambdaEnvironment {
    /// The process's environment, as Lambda set it when it started the runtime. `Lambda.run` passes
    /// it to the handler's initializer; a `main.swift` that must choose its handler before calling
    /// `Lambda.run` (by `handlerName`, say) reads it here.
    public static func fromProcess() -> LambdaEnvironment {
        LambdaEnvironment(ProcessEnvironment.variables())
    }
}

/// `_X_AMZN_TRACE_ID`, which X-Ray SDKs read from the environment, follows the invocation being served.
///
/// `setenv` would do, but glibc keeps every string it ever allocated for `setenv` (in a search tree,
/// so old `environ` pointers stay valid): one new string per invocation is a slow leak and a growing
/// lookup. Instead the variable points at one buffer of ours (`putenv` does not copy), rewritten in
/// place for each invocation and replaced only when a longer trace id needs more room.
final class TraceEnvironment {
    private static let prefix = Array("_X_AMZN_TRACE_ID=".utf8)
    private var entry: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    private var isSet = false

    deinit {
        if isSet { unsetenv("_X_AMZN_TRACE_ID") }
        entry?.deallocate()
    }

    func set(_ traceID: String?) {
        guard let traceID else {
            if isSet { unsetenv("_X_AMZN_TRACE_ID") }
            isSet = false
            return
        }
        let needed = Self.prefix.count + traceID.utf8.count + 1
        var retired: UnsafeMutablePointer<CChar>?
        if needed > capacity {
            retired = entry
            capacity = max(needed, 128)
            entry = .allocate(capacity: capacity)
        }
        let buffer = UnsafeMutableRawBufferPointer(start: entry, count: capacity)
        buffer.copyBytes(from: Self.prefix)
        UnsafeMutableRawBufferPointer(rebasing: buffer[Self.prefix.count...]).copyBytes(from: traceID.utf8)
        buffer[needed - 1] = 0
        // Every time, not just the first: handler code may have replaced the variable with `setenv`.
        putenv(entry!)
        isSet = true
        retired?.deallocate()  // only once `environ` points at the new buffer
    }
}

enum StandardOutput {
    /// Lambda collects stdout through a pipe, which stdio would buffer in 4 KiB blocks: line buffering
    /// makes a handler's `print` show up at once, and not get lost when the process is killed.
    static func useLineBuffering() {
        setvbuf(stdout, nil, _IOLBF, 0)
    }
}
