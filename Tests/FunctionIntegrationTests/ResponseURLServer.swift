import Foundation

/// Stands in for the presigned S3 URL CloudFormation gives a custom resource: a loopback HTTP server
/// (Python's, in a child process) that records every PUT it receives and answers 200.
final class ResponseURLServer {
    struct Received: Decodable, Equatable {
        var method: String
        var path: String
        /// nil when the request had no Content-Type header at all.
        var contentType: String?
        var body: String
    }

    private let process = Process()
    private let log: URL
    let port: Int

    init() throws {
        log = FileManager.default.temporaryDirectory.appending(path: "response-url-\(UUID().uuidString).jsonl")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, log.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            firstLine.append(chunk)
        }
        guard let port = Int(String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw ServerDidNotStart()
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    /// The URL to put in the event's `ResponseURL`.
    func url(path: String = "/cloudformation-response") -> String { "http://127.0.0.1:\(port)\(path)" }

    var received: [Received] {
        get throws {
            let text = try String(contentsOf: log, encoding: .utf8)
            return try text.split(separator: "\n").map { try JSONDecoder().decode(Received.self, from: Data($0.utf8)) }
        }
    }

    struct ServerDidNotStart: Error {}

    private static let script = #"""
        import http.server, json, sys
        class Recorder(http.server.BaseHTTPRequestHandler):
            def do_PUT(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                record = {"method": "PUT", "path": self.path, "contentType": self.headers.get("Content-Type"),
                          "body": body.decode()}
                with open(sys.argv[1], "a") as log:
                    log.write(json.dumps(record) + "\n")
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}
