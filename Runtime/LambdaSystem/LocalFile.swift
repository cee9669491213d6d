#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// A small local file (a credentials file, a rotated token), read whole straight from libc: a bootstrap
/// links no Foundation.
package enum LocalFile {
    package struct Unreadable: Error, CustomStringConvertible {
        package let path: String
        package let errno: Int32
        package var description: String { "cannot read \(path): \(String(cString: strerror(errno)))" }
    }

    package static func contents(of path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(path: path, errno: errno) }
        defer { close(descriptor) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Unreadable(path: path, errno: errno)
            }
            if count == 0 { return content }
            content.append(contentsOf: chunk[..<count])
        }
    }
}
