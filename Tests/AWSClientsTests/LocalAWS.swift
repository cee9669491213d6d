import Foundation
import HTTPClient
import ServerFixtures

@testable import AWSClients

/// The local AWS endpoints the integration tests talk to, started once per test process.
/// If one cannot start, every test that needs it fails with the reason (never skips).
enum LocalAWS {
    static let credentials = ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                              "AWS_REGION": "us-east-1"]

    /// moto in server mode (scripts/testing/moto-server.py), signatures not checked.
    static let moto = Result { try startMoto() }

    /// A second moto that checks signatures once its first three (IAM bootstrap) actions are done.
    static let authenticatingMoto = Result { try startMoto(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"]) }

    /// scripts/fake-bedrock.py: checks every signature with botocore.
    static let bedrock = Result {
        try ChildServer(command: [python, Paths.repositoryRoot + "/scripts/fake-bedrock.py"])
    }

    static var python: String {
        FileManager.default.isExecutableFile(atPath: Paths.toolsPython) ? Paths.toolsPython : "/usr/bin/python3"
    }

    private static func startMoto(environment: [String: String] = [:]) throws -> ChildServer {
        try ChildServer(command: [python, Paths.repositoryRoot + "/scripts/testing/moto-server.py"],
                        environment: environment)
    }

    /// A client for `server` with the test keys, optionally overriding some of them.
    static func client(_ server: Result<ChildServer, any Error>, environment: [String: String] = [:],
                       retryPolicy: RetryPolicy = .standard) throws -> AWSClient {
        let endpoint = try server.get()["endpoint"]
        return AWSClient(environment: credentials.merging(["AWS_ENDPOINT_URL": endpoint]) { $1 }
                            .merging(environment) { $1 },
                         retryPolicy: retryPolicy)
    }

    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
