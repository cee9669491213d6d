#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The process environment, read from libc's `environ` (no Foundation in a bootstrap).
public enum ProcessEnvironment {
    /// Every variable as `NAME: value`, as the process sees it now.
    public static func variables() -> [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            // Split at the first `=` as bytes: `NAME=value`, and a value may hold `=` itself.
            let pair = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                           count: strlen(pointer))
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                variables[String(decoding: pair[..<equals], as: UTF8.self)] =
                    String(decoding: pair[(equals + 1)...], as: UTF8.self)
            }
            entry += 1
        }
        return variables
    }
}
