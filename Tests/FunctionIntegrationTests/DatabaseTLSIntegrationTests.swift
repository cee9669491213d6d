import Foundation
import Logging
import PetDatabase
import Testing

/// TLS to PostgreSQL as the functions configure it (`PGSSLMODE`, `DATABASE_CA_BUNDLE_PARAMETER_NAME`,
/// `PGSSLROOTCERT`), against the stack's TLS-only PostgreSQL and its CA bundle in SSM
/// (`/petstore/database-ca-bundle`, as a deployer stores RDS's). Verified unless `require` is asked for.
@Suite struct DatabaseTLSIntegrationTests {
    @Test func byDefaultItVerifiesTheServerAgainstTheBundleInSSM() throws {
        let stack = try AdoptionStack()
        let environment = try stack.functionEnvironment("RdsSeeder").merging(try stack.functionEnvironment("Parameters")) { a, _ in a }
        #expect(environment["PGSSLROOTCERT"] == nil && environment["PGSSLMODE"] == nil,
                "env.json gives the bundle only as the template does: \(environment)")
        #expect(environment["DATABASE_CA_BUNDLE_PARAMETER_NAME"] == "/petstore/database-ca-bundle")

        let result = try stack.invoke("RdsSeeder", event: "{}")

        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("TLS verify-full (root certificates from SSM parameter /petstore/database-ca-bundle)"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("NOT verified"))
    }

    @Test func withoutAnyCABundleTheFunctionFailsAtInitInsteadOfConnectingUnverified() throws {
        let stack = try AdoptionStack()

        let result = try stack.invoke("RdsSeeder", event: "{}", environment: ["DATABASE_CA_BUNDLE_PARAMETER_NAME": ""])

        #expect(result.status != 0)
        #expect(result.stdout.contains("DATABASE_CA_BUNDLE_PARAMETER_NAME") && result.stdout.contains("PGSSLROOTCERT"),
                "the init error says what to set: \(result.stdout)")
        #expect(!result.stderr.contains("connecting to PostgreSQL"), "\(result.stderr)")
    }

    @Test func anUnknownModeFailsAtInitNamingTheAcceptedOnes() throws {
        let stack = try AdoptionStack()

        let result = try stack.invoke("RdsSeeder", event: "{}", environment: ["PGSSLMODE": "verify-ca"])

        #expect(result.status != 0)
        #expect(result.stdout.contains("\\\"verify-ca\\\" is not supported: use verify-full (the default) or require"),
                "\(result.stdout)")
        #expect(!result.stderr.contains("connecting to PostgreSQL"), "\(result.stderr)")
    }

    @Test func explicitRequireConnectsOverTLSAndWarnsAtInit() throws {
        let stack = try AdoptionStack()

        let result = try stack.invoke(
            "RdsSeeder", event: "{}", environment: ["PGSSLMODE": "require", "DATABASE_CA_BUNDLE_PARAMETER_NAME": ""])

        // The server accepts TLS only, so a connection that worked was encrypted.
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        let warning = result.stderr.split(separator: "\n").first { $0.contains("PGSSLMODE=require") }
        #expect(warning?.contains("WARN") == true && warning?.contains("NOT verified") == true, "\(result.stderr)")
    }

    @Test func aBundleFromAnotherCAFailsEveryRecordSayingTheServerWasNotVerified() throws {
        let stack = try AdoptionStack()
        let parameter = "/petstore/untrusted-ca-\(UUID().uuidString)"
        let otherCA = try makeUnrelatedCertificateAuthority()
        try stack.aws(
            "ssm", "put_parameter",
            ["Name": parameter, "Value": try String(contentsOfFile: otherCA, encoding: .utf8), "Type": "String"],
            endpoint: try stack.awsEndpoint(for: "UserCreator"))
        let event = try Data(contentsOf: stack.repository.appending(path: "events/UserCreator/valid-batch.json"))

        let result = try stack.invoke(
            "UserCreator", event: String(decoding: event, as: UTF8.self),
            environment: ["DATABASE_CA_BUNDLE_PARAMETER_NAME": parameter])

        #expect(result.stdout.contains("batchItemFailures") && !result.stdout.contains("\"batchItemFailures\":[]"),
                "\(result.stdout)")
        #expect(result.stderr.contains("PostgreSQL server not verified"), "\(result.stderr)")
        #expect(result.stderr.contains("root certificates from SSM parameter \(parameter)"), "\(result.stderr)")
    }

    @Test func verifyFullAgainstAWrongHostNameFailsNamingTheHost() async throws {
        let stack = try AdoptionStack()
        // 127.0.0.2 reaches the server (through a forwarder: it listens on 127.0.0.1 only), but its
        // certificate names 127.0.0.1 and localhost.
        let forwarder = try TCPForwarder(listeningOn: "127.0.0.2", to: stack.credentials.port)
        defer { forwarder.stop() }
        var credentials = stack.credentials
        credentials.host = "127.0.0.2"
        credentials.port = forwarder.port
        let client = try DatabaseClient(
            credentials: StaticCredentials(credentials),
            tls: .verifyFull(.file(path: try #require(stack.postgres["PGSSLROOTCERT"]))), logger: Logger(label: "test"))

        let error = await #expect(throws: DatabaseServerNotVerified.self) {
            try await client.withConnection { connection in
                try await connection.query("SELECT 1", logger: connection.logger).collect().count
            }
        }
        await client.close()
        #expect(error?.description.contains("does not name 127.0.0.2") == true, "\(String(describing: error))")
        #expect(forwarder.connections() > 0, "the refusal came from the server's certificate, not an unreachable port")
    }

    @Test func aSecretNamingAHostTheCertificateDoesNotFailsEveryRecordNamingTheHost() throws {
        let stack = try AdoptionStack()
        let forwarder = try TCPForwarder(listeningOn: "127.0.0.2", to: stack.credentials.port)
        defer { forwarder.stop() }
        let endpoint = try stack.awsEndpoint(for: "UserCreator")
        let name = "petstore/wrong-host-\(UUID().uuidString)"
        let credentials = stack.credentials
        let secret: [String: Any] = [
            "host": "127.0.0.2", "port": forwarder.port, "dbname": credentials.database,
            "username": credentials.username, "password": credentials.password,
        ]
        let secretString = String(decoding: try JSONSerialization.data(withJSONObject: secret), as: UTF8.self)
        let created = try stack.aws("secretsmanager", "create_secret", ["Name": name, "SecretString": secretString], endpoint: endpoint)
        try stack.aws("ssm", "put_parameter", ["Name": "/\(name)", "Value": created["ARN"] as? String ?? "", "Type": "String"],
                      endpoint: endpoint)
        let event = try Data(contentsOf: stack.repository.appending(path: "events/UserCreator/valid-batch.json"))

        let result = try stack.invoke(
            "UserCreator", event: String(decoding: event, as: UTF8.self), environment: ["SECRET_PARAMETER_NAME": "/\(name)"])

        #expect(!result.stdout.contains("\"batchItemFailures\":[]") && result.stdout.contains("itemIdentifier"), "\(result.stdout)")
        #expect(result.stderr.contains("PostgreSQL server not verified: the server's certificate does not name 127.0.0.2"),
                "\(result.stderr)")
        #expect(forwarder.connections() > 0)
    }
}

/// Forwards TCP connections from `host`:<a free port> to 127.0.0.1:`port`, one thread per direction;
/// `connections()` counts what it accepted.
struct TCPForwarder {
    let port: Int
    private let process: Process
    private let output: URL

    init(listeningOn host: String, to target: Int) throws {
        output = try temporaryFile("forwarder")
        process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = withDefaultSignalMask("/usr/bin/python3", ["-u", "-c", Self.script, host, "\(target)"])
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<500 {
            if let line = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").first, let port = Int(line) {
                self.port = port
                return
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.terminate()
        throw CommandFailed(command: "TCP forwarder", result: CommandResult(status: -1, stdout: "", stderr: "no port within 5 s"))
    }

    func connections() -> Int {
        ((try? String(contentsOf: output, encoding: .utf8)) ?? "").split(separator: "\n").count - 1
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: output)
    }

    private static let script = #"""
        import socket, sys, threading
        listener = socket.create_server((sys.argv[1], 0))
        print(listener.getsockname()[1])
        def pipe(source, sink):
            try:
                while data := source.recv(65536):
                    sink.sendall(data)
            except OSError:
                pass
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        while True:
            client, _ = listener.accept()
            print("accepted")
            server = socket.create_connection(("127.0.0.1", int(sys.argv[2])))
            threading.Thread(target=pipe, args=(client, server), daemon=True).start()
            threading.Thread(target=pipe, args=(server, client), daemon=True).start()
        """#
}

/// A CA that signed nothing the stack serves.
func makeUnrelatedCertificateAuthority() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appending(path: "other-ca-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let certificate = folder.appending(path: "ca.crt").path
    let result = try run("/usr/bin/openssl", [
        "req", "-x509", "-new", "-nodes", "-days", "1", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-subj", "/CN=unrelated test CA", "-keyout", folder.appending(path: "ca.key").path, "-out", certificate,
    ])
    guard result.status == 0 else { throw CommandFailed(command: "openssl req", result: result) }
    return certificate
}
