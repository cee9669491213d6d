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
        log = try temporaryFile("response-url")
        let portFile = try temporaryFile("response-url-port")
        defer { try? FileManager.default.removeItem(at: portFile) }
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = withDefaultSignalMask("/usr/bin/env", ["python3", "-c", Self.script, log.path, portFile.path])
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The server writes its port once it listens.
        let deadline = ContinuousClock.now + .seconds(10)
        var port: Int?
        while port == nil, process.isRunning, ContinuousClock.now < deadline {
            port = Int((try? String(contentsOf: portFile, encoding: .utf8)) ?? "")
            if port == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let port else {
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
        import http.server, json, os, sys
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
        with open(sys.argv[2] + ".tmp", "w") as port:
            port.write(str(server.server_address[1]))
        os.rename(sys.argv[2] + ".tmp", sys.argv[2])
        server.serve_forever()
        """#
}
