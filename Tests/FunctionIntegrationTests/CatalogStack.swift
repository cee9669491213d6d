import AWSClients
import Foundation
import LambdaEvents
import ServerFixtures

/// What the pet food catalog functions' integration tests need from the running local stack
/// (`scripts/local-stack start`, state in `$LOCAL_STACK_DIR`, default `<repo>/.local-stack`): each
/// function's environment from `env.json`, AWS clients configured exactly as the function's, and a way to
/// invoke the function through `lambda-local invoke` (the real runtime loop over the Runtime API).
/// A stack that is not running, or executables that were not built, fail the test with what to do.
struct CatalogStack {
    static let repository = URL(filePath: Paths.repositoryRoot)

    let directory: URL
    /// `env.json` in SAM's format: `Parameters` for every function, then a section per function.
    let environmentFile: [String: [String: String]]

    init() throws {
        let variable = ProcessInfo.processInfo.environment["LOCAL_STACK_DIR"]
        directory = variable.map { URL(filePath: $0) } ?? Self.repository.appending(path: ".local-stack")
        let file = directory.appending(path: "env.json")
        guard let data = try? Data(contentsOf: file) else { throw Failure.stackNotRunning(file.path) }
        environmentFile = try JSONDecoder().decode([String: [String: String]].self, from: data)
    }

    /// The variables `function` runs with.
    func variables(for function: String) -> [String: String] {
        (environmentFile["Parameters"] ?? [:]).merging(environmentFile[function] ?? [:]) { _, own in own }
    }

    /// An AWS client with the function's endpoint and region, for the test's own calls: it signs with
    /// `Parameters`' access key id, not the function's, so that `scripts/check-iam-actions` counts only
    /// what the function itself asked for.
    func aws(for function: String) -> AWSClient {
        var environment = variables(for: function)
        environment["AWS_ACCESS_KEY_ID"] = environmentFile["Parameters"]?["AWS_ACCESS_KEY_ID"]
        return AWSClient(environment: environment, retryPolicy: .none)
    }

    /// Runs `function` once on `event` through `lambda-local invoke`, with `overrides` added to its variables.
    func invoke(_ function: String, event: some Encodable, overrides: [String: String] = [:]) throws -> Invocation {
        try Self.start(function, event: event, variables: variables(for: function).merging(overrides) { _, new in new })
            .wait()
    }

    /// Starts `lambda-local invoke` for `function` on `event` with exactly `variables` (e.g. pointing at a
    /// server of the test's own); `wait()` for its result. Several can run at once.
    static func start(_ function: String, event: some Encodable, variables: [String: String]) throws
        -> RunningInvocation
    {
        let build = repository.appending(path: ".build/debug")
        let lambdaLocal = build.appending(path: "lambda-local").path
        let executable = build.appending(path: function).path
        for path in [lambdaLocal, executable] where !FileManager.default.isExecutableFile(atPath: path) {
            throw Failure.notBuilt(path)
        }
        let scratch = FileManager.default.temporaryDirectory.appending(path: "catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let eventFile = scratch.appending(path: "event.json")
        let envFile = scratch.appending(path: "env.json")
        try JSONEncoder().encode(event).write(to: eventFile)
        try JSONEncoder().encode([function: variables]).write(to: envFile)
        return try RunningInvocation(
            lambdaLocal, ["invoke", function, "--event", eventFile.path, "--executable", executable,
                          "--env-vars", envFile.path, "--timeout", "60"], scratch: scratch)
    }

    /// A `lambda-local invoke` process; its output goes to files so no pipe can fill up and block it.
    final class RunningInvocation {
        private let process = Process()
        private let scratch: URL

        init(_ executable: String, _ arguments: [String], scratch: URL) throws {
            self.scratch = scratch
            for name in ["stdout", "stderr"] {
                _ = FileManager.default.createFile(atPath: scratch.appending(path: name).path, contents: nil)
            }
            process.executableURL = URL(filePath: executable)
            process.arguments = arguments
            process.currentDirectoryURL = CatalogStack.repository
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: scratch.appending(path: "stdout"))
            process.standardError = try FileHandle(forWritingTo: scratch.appending(path: "stderr"))
            try process.run()
        }

        func wait() throws -> Invocation {
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: scratch) }
            return Invocation(
                succeeded: process.terminationStatus == 0,
                response: try Data(contentsOf: scratch.appending(path: "stdout")),
                logs: (try? String(contentsOf: scratch.appending(path: "stderr"), encoding: .utf8)) ?? "")
        }
    }

    /// What `lambda-local invoke` printed: the response (or error JSON) on stdout, the logs on stderr.
    struct Invocation {
        var succeeded: Bool
        var response: Data
        var logs: String

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            do {
                return try JSONDecoder().decode(T.self, from: response)
            } catch {
                throw Failure.unexpectedResponse(String(decoding: response, as: UTF8.self), logs: logs)
            }
        }
    }

    /// The foods table and pictures bucket as `function` sees them (`FOOD_TABLE_NAME`, `S3_BUCKET_NAME`).
    func foodStorage(for function: String) -> FoodStorage {
        let aws = aws(for: function)
        let variables = variables(for: function)
        return FoodStorage(dynamoDB: DynamoDB(client: aws), s3: S3(client: aws),
                           table: variables["FOOD_TABLE_NAME"] ?? "PetFoods",
                           bucket: variables["S3_BUCKET_NAME"] ?? "petfood-images")
    }

    struct FoodStorage {
        let dynamoDB: DynamoDB
        let s3: S3
        let table: String
        let bucket: String
    }

    /// A fresh id for the items one test creates, so tests never see each other's data.
    static func uniqueID(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    enum Failure: Error, CustomStringConvertible {
        case stackNotRunning(String)
        case notBuilt(String)
        case unexpectedResponse(String, logs: String)

        var description: String {
            switch self {
            case .stackNotRunning(let file):
                "the local stack is not running (no \(file)): start it with `scripts/local-stack start`, "
                    + "or run `scripts/test-integration`"
            case .notBuilt(let path):
                "\(path) is missing: build it first (`swift build --product <name>`)"
            case .unexpectedResponse(let response, let logs):
                "unexpected response \(response); logs:\n\(logs)"
            }
        }
    }
}
