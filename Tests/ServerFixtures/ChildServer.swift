import Foundation

/// A server process for tests: started from one of the repository's scripts, which prints one JSON line
/// when ready and exits when its stdin closes. So the server also goes away if the test process dies.
public final class ChildServer: @unchecked Sendable {
    public struct StartFailure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The ready line's fields (e.g. `endpoint`, `ca_file`).
    public let info: [String: String]
    private let process: Process
    private let stdin: Pipe

    public init(command: [String], environment: [String: String] = [:], readyTimeout: Duration = .seconds(60)) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw StartFailure(description: "cannot run \(command.joined(separator: " ")): \(error)")
        }
        let line = Self.readLine(from: stdout.fileHandleForReading, timeout: readyTimeout)
        guard let line, let data = line.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            process.terminate()
            let errors = String(decoding: stderr.fileHandleForReading.availableDataNonBlocking(), as: UTF8.self)
            throw StartFailure(description: "\(command.joined(separator: " ")) did not get ready; output: "
                + "\(line ?? "<none>"); stderr: \(errors)")
        }
        info = json.mapValues { "\($0)" }
        // Keep draining the server's output so it never blocks on a full pipe.
        stdout.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
        stderr.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
    }

    public subscript(key: String) -> String { info[key] ?? "" }

    public func stop() {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { stop() }

    private static func readLine(from handle: FileHandle, timeout: Duration) -> String? {
        let deadline = ContinuousClock.now + timeout
        var buffer = Data()
        let fd = handle.fileDescriptor
        while ContinuousClock.now < deadline {
            var pollfd = Foundation.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pollfd, 1, 200) >= 0 else { return nil }
            guard pollfd.revents != 0 else { continue }
            var byte: UInt8 = 0
            guard read(fd, &byte, 1) == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: buffer, as: UTF8.self) }
            buffer.append(byte)
        }
        return nil
    }
}

extension FileHandle {
    func availableDataNonBlocking() -> Data {
        var pollfd = Foundation.pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&pollfd, 1, 500) > 0 else { return Data() }
        return availableData
    }
}
