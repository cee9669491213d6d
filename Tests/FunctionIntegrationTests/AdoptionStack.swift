import Foundation
import Testing

/// What UserCreator's and RdsSeeder's integration tests need from the running local stack
/// (`scripts/local-stack start`): its folder, the TLS PostgreSQL's connection settings written by
/// `scripts/postgres-tls` (`<stack>/postgres/connection.env`), and tools to look at the database.
/// A stack that is not running is a test failure with the command to start it, never a skip.
struct AdoptionStack {
    let repository: URL
    let directory: URL
    /// PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE, PGSSLROOTCERT.
    let postgres: [String: String]

    init(filePath: String = #filePath) throws {
        repository = URL(filePath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let environment = ProcessInfo.processInfo.environment
        directory = environment["LOCAL_STACK_DIR"].map { URL(filePath: $0) }
            ?? repository.appending(path: ".local-stack")
        let postgresDirectory = environment["POSTGRES_TLS_DIR"].map { URL(filePath: $0) }
            ?? directory.appending(path: "postgres")
        let connectionFile = postgresDirectory.appending(path: "connection.env")
        guard let text = try? String(contentsOf: connectionFile, encoding: .utf8) else {
            throw StackNotRunning(missing: connectionFile.path)
        }
        postgres = Self.parseEnvFile(text)
        guard postgres["PGPORT"] != nil, postgres["PGSSLROOTCERT"] != nil else {
            throw StackNotRunning(missing: "PGPORT/PGSSLROOTCERT in \(connectionFile.path)")
        }
    }

    static func parseEnvFile(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    /// Runs SQL through `psql` over TLS (verify-full) and returns the rows, fields separated by `|`.
    @discardableResult
    func psql(_ sql: String, database: String? = nil, settings: [String: String] = [:]) throws -> [String] {
        var environment = postgres
        if let database { environment["PGDATABASE"] = database }
        environment.merge(settings) { _, new in new }
        let result = try run(Self.psqlPath, ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql], environment: environment)
        guard result.status == 0 else { throw CommandFailed(command: "psql -c \(sql)", result: result) }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// A new empty database owned by the app user; dropped by the returned closure.
    func makeScratchDatabase() throws -> (name: String, drop: () throws -> Void) {
        let name = "scratch_\(UInt32.random(in: 0...UInt32.max))"
        try psql("CREATE DATABASE \(name)")
        return (name, { try psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
    }

    /// `lambda-local invoke <function>` with the stack's `env.json`, this function's section overridden
    /// by `environment`. Uses the already built `.build/debug/<function>` when there is one.
    func invoke(_ function: String, event: String, environment: [String: String] = [:], timeoutSeconds: Int = 30) throws
        -> CommandResult
    {
        let build = repository.appending(path: ".build/debug")
        let lambdaLocal = build.appending(path: "lambda-local").path
        guard FileManager.default.isExecutableFile(atPath: lambdaLocal) else {
            throw StackNotRunning(missing: "\(lambdaLocal) (build it: swift build --product lambda-local)")
        }
        let scratch = FileManager.default.temporaryDirectory.appending(path: "invoke-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let eventFile = scratch.appending(path: "event.json")
        try Data(event.utf8).write(to: eventFile)
        let envFile = scratch.appending(path: "env.json")
        try Data(try environmentFile(for: function, overriding: environment)).write(to: envFile)

        var arguments = ["invoke", function, "--event", eventFile.path, "--env-vars", envFile.path, "--timeout", "\(timeoutSeconds)",
                         "--package-path", repository.path]
        let executable = build.appending(path: function).path
        if FileManager.default.isExecutableFile(atPath: executable) { arguments += ["--executable", executable] }
        return try run(lambdaLocal, arguments)
    }

    /// The stack's `env.json` (SAM's format) with `environment` merged into `function`'s section.
    private func environmentFile(for function: String, overriding environment: [String: String]) throws -> Data {
        let file = directory.appending(path: "env.json")
        guard let data = try? Data(contentsOf: file) else { throw StackNotRunning(missing: file.path) }
        var sections = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var section = sections[function] as? [String: Any] ?? [:]
        for (name, value) in environment { section[name] = value }
        sections[function] = section
        return try JSONSerialization.data(withJSONObject: sections)
    }

    /// The moto endpoint the functions use: `AWS_ENDPOINT_URL` from `env.json` (function section or
    /// `Parameters`).
    func awsEndpoint(for function: String) throws -> String {
        let file = directory.appending(path: "env.json")
        guard let data = try? Data(contentsOf: file),
            let sections = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw StackNotRunning(missing: file.path) }
        for name in [function, "Parameters"] {
            if let url = (sections[name] as? [String: Any])?["AWS_ENDPOINT_URL"] as? String { return url }
        }
        throw StackNotRunning(missing: "AWS_ENDPOINT_URL in \(file.path)")
    }

    /// The stack's environment for `function` as `env.json` gives it.
    func functionEnvironment(_ function: String) throws -> [String: String] {
        let data = try Data(contentsOf: directory.appending(path: "env.json"))
        let sections = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (sections[function] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
    }

    /// One AWS call to moto through botocore (moto's venv has it): `aws("ssm", "put_parameter", [...])`.
    @discardableResult
    func aws(_ service: String, _ operation: String, _ parameters: [String: Any], endpoint: String) throws
        -> [String: Any]
    {
        let python = repository.appending(path: ".tools/moto/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw StackNotRunning(missing: "\(python) (scripts/install/moto.sh installs it)")
        }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: parameters), as: UTF8.self)
        let result = try run(python, ["-c", Self.botocoreCall, service, operation, input, endpoint])
        guard result.status == 0 else { throw CommandFailed(command: "\(service).\(operation)", result: result) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    private static let botocoreCall = #"""
        import json, sys, botocore.session
        service, operation, parameters, endpoint = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
        client = botocore.session.get_session().create_client(
            service, region_name="us-east-1", endpoint_url=endpoint,
            aws_access_key_id="testing", aws_secret_access_key="testing")
        answer = getattr(client, operation)(**parameters)
        answer.pop("ResponseMetadata", None)
        print(json.dumps(answer, default=str))
        """#

    /// A scratch database plus the SSM parameter and secret that lead a function to it, as the stack's
    /// `/petstore/rds-secret-arn` leads to the stack's database. Returns the parameter name.
    func makeSecretParameter(for database: String, function: String) throws -> String {
        let endpoint = try awsEndpoint(for: function)
        var secret = [
            "host": postgres["PGHOST"] ?? "127.0.0.1", "dbname": database,
            "username": postgres["PGUSER"] ?? "", "password": postgres["PGPASSWORD"] ?? "",
        ] as [String: Any]
        secret["port"] = Int(postgres["PGPORT"] ?? "") ?? 5432
        let secretString = String(decoding: try JSONSerialization.data(withJSONObject: secret), as: UTF8.self)
        let created = try aws(
            "secretsmanager", "create_secret", ["Name": "petstore/\(database)", "SecretString": secretString],
            endpoint: endpoint)
        let parameter = "/petstore/\(database)-secret-arn"
        try aws(
            "ssm", "put_parameter",
            ["Name": parameter, "Value": created["ARN"] as? String ?? "", "Type": "String", "Overwrite": true],
            endpoint: endpoint)
        return parameter
    }

    static var psqlPath: String {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.sorted { $0.compare($1, options: .numeric) == .orderedAscending }.last
            .map { "/usr/lib/postgresql/\($0)/bin/psql" } ?? "/usr/bin/psql"
    }
}

struct StackNotRunning: Error, CustomStringConvertible {
    var missing: String
    var description: String {
        "the local stack is not running (no \(missing)): start it with `scripts/local-stack start`, "
            + "or run `scripts/test-integration`"
    }
}

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

struct CommandFailed: Error, CustomStringConvertible {
    var command: String
    var result: CommandResult
    var description: String { "\(command) exited \(result.status): \(result.stderr)" }
}

/// Runs a program to completion with `environment` added to ours. Its output goes to files, not pipes:
/// tests run in parallel, and a pipe's write end inherited by another test's long-lived child (the
/// ResponseURL server) would keep a reader waiting for end-of-file forever.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(filePath: "/usr/bin/env")
    process.arguments = withDefaultSignalMask(executable, arguments)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let outputFile = try temporaryFile("stdout")
    let errorFile = try temporaryFile("stderr")
    defer {
        try? FileManager.default.removeItem(at: outputFile)
        try? FileManager.default.removeItem(at: errorFile)
    }
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, stdout: try String(contentsOf: outputFile, encoding: .utf8),
        stderr: try String(contentsOf: errorFile, encoding: .utf8))
}

/// An empty file in the temporary directory.
func temporaryFile(_ prefix: String) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appending(path: "\(prefix)-\(UUID().uuidString)")
    try Data().write(to: file)
    return file
}

/// The command line that runs `executable` with no signals blocked. Children of the test process inherit
/// its blocked signal mask (nearly every signal), so SIGTERM would never reach them: lambda-local could
/// not stop its function, nor the tests their servers. Python resets the mask, then execs.
func withDefaultSignalMask(_ executable: String, _ arguments: [String]) -> [String] {
    ["python3", "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
     executable] + arguments
}
