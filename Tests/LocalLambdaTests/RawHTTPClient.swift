import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import LocalLambda
import LambdaSystem

/// A deliberately small HTTP/1.1 client for tests: one request per connection (`Connection: close`),
/// blocking socket I/O on a thread of its own so it never holds up the emulator's tasks.
struct RawHTTPClient: Sendable {
    let port: Int

    func get(_ path: String, headers: [String: String] = [:]) async throws -> RawHTTPResponse {
        try await send("GET", path, headers: headers, body: [])
    }

    func post(_ path: String, headers: [String: String] = [:], body: [UInt8]) async throws -> RawHTTPResponse {
        try await send("POST", path, headers: headers, body: body)
    }

    func post(_ path: String, headers: [String: String] = [:], body: String) async throws -> RawHTTPResponse {
        try await post(path, headers: headers, body: Array(body.utf8))
    }

    private func send(_ method: String, _ path: String, headers: [String: String], body: [UInt8]) async throws
        -> RawHTTPResponse
    {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        let port = port
        return try await withCheckedThrowingContinuation { continuation in
            runOnDetachedThread {
                continuation.resume(with: Result { try RawHTTPResponse(exchanging: request, port: port) })
            }
        }
    }
}

struct RawHTTPResponse: Sendable {
    let status: Int
    /// Lower-cased names.
    let headers: [String: String]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    subscript(header name: String) -> String? { headers[name.lowercased()] }

    fileprivate init(exchanging request: [UInt8], port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError.io("socket", errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw RawHTTPError.io("connect", errno) }
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw RawHTTPError.io("send", errno) }
            sent += count
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw RawHTTPError.io("recv", errno) }
            if count == 0 { break }
            received += chunk[..<count]
        }
        try self.init(parsing: received)
    }

    private init(parsing bytes: [UInt8]) throws {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - 4)).first(where: { Array(bytes[$0..<min($0 + 4, bytes.count)]) == separator })
        else { throw RawHTTPError.malformed(String(decoding: bytes, as: UTF8.self)) }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = lines.first, let code = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { throw RawHTTPError.malformed(lines.first ?? "") }
        status = code
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
        body = Array(bytes[(end + 4)...])
    }
}

enum RawHTTPError: Error {
    case io(String, Int32)
    case malformed(String)
}
