#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the emulator's log goes: its own START/END/REPORT lines and the function's stdout and stderr.
public protocol LogSink: Sendable {
    func write(_ bytes: UnsafeRawBufferPointer)
}

extension LogSink {
    /// Writes `line` and a newline.
    public func write(line: String) {
        var text = line + "\n"
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}

/// The emulator's standard error: what `lambda-local` prints its logs to.
public struct StandardErrorSink: LogSink {
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) {
        var remaining = bytes
        while let base = remaining.baseAddress, !remaining.isEmpty {
            let written = Glibc.write(STDERR_FILENO, base, remaining.count)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining = UnsafeRawBufferPointer(rebasing: remaining[written...])
        }
    }
}
