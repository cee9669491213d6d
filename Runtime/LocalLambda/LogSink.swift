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

/// An open file such as standard error, where `lambda-local` prints its logs.
public struct FileDescriptorSink: LogSink {
    let fd: Int32

    public init(fd: Int32) {
        self.fd = fd
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        var remaining = bytes
        while let base = remaining.baseAddress, !remaining.isEmpty {
            let written = Glibc.write(fd, base, remaining.count)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining = UnsafeRawBufferPointer(rebasing: remaining[written...])
        }
    }
}

extension LogSink where Self == FileDescriptorSink {
    public static var standardError: FileDescriptorSink { FileDescriptorSink(fd: STDERR_FILENO) }
    public static var standardOutput: FileDescriptorSink { FileDescriptorSink(fd: STDOUT_FILENO) }
}
