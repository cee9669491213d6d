import HTTPClient
import LambdaSystem

public protocol AWSCredentialsProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}

public struct CredentialsNotFound: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Fixed credentials (tests, or keys obtained some other way).
public struct StaticCredentialsProvider: AWSCredentialsProvider {
    public let value: AWSCredentials
    public init(_ credentials: AWSCredentials) { value = credentials }
    public func credentials() async throws -> AWSCredentials { value }
}

/// The chain the AWS SDKs use, in their order: environment variables (what Lambda sets), the container
/// credentials endpoint (ECS, SnapStart, local emulators), then the shared credentials file.
/// The source is chosen once, from the environment; the container source caches until near expiry.
public struct DefaultCredentialsProvider: AWSCredentialsProvider {
    let source: any AWSCredentialsProvider

    public init(environment: [String: String] = ProcessEnvironment.variables(),
                httpClient: HTTPClient = .shared) {
        if let keys = EnvironmentCredentials(environment: environment) {
            source = StaticCredentialsProvider(keys.value)
        } else if let container = ContainerCredentialsProvider(environment: environment, httpClient: httpClient) {
            source = container
        } else {
            source = ProfileCredentialsProvider(environment: environment)
        }
    }

    public func credentials() async throws -> AWSCredentials {
        try await source.credentials()
    }
}

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
struct EnvironmentCredentials {
    let value: AWSCredentials

    init?(environment: [String: String]) {
        guard let keyID = environment["AWS_ACCESS_KEY_ID"], !keyID.isEmpty,
              let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty else { return nil }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        value = AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
    }
}

/// A profile of the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`,
/// profile `AWS_PROFILE` or `default`). Read on each call: the file is local and rarely used in Lambda.
public struct ProfileCredentialsProvider: AWSCredentialsProvider {
    public let path: String
    public let profile: String

    public init(environment: [String: String] = ProcessEnvironment.variables()) {
        path = environment["AWS_SHARED_CREDENTIALS_FILE"]
            ?? (environment["HOME"] ?? "~") + "/.aws/credentials"
        profile = environment["AWS_PROFILE"] ?? "default"
    }

    public func credentials() async throws -> AWSCredentials {
        guard let data = try? LocalFile.contents(of: path) else {
            throw CredentialsNotFound(description: "No AWS credentials: AWS_ACCESS_KEY_ID is not set, no container "
                + "credentials endpoint is configured, and \(path) cannot be read")
        }
        let sections = INIFile.parse(String(decoding: data, as: UTF8.self))
        guard let section = sections[profile], let keyID = section["aws_access_key_id"],
              let secret = section["aws_secret_access_key"] else {
            throw CredentialsNotFound(description: "Profile [\(profile)] in \(path) has no aws_access_key_id/"
                + "aws_secret_access_key")
        }
        return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: section["aws_session_token"])
    }
}

enum INIFile {
    /// Sections by name, each a map of keys to values. `#` and `;` start comment lines.
    static func parse(_ text: String) -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                var name = line.dropFirst().dropLast().trimmingWhitespace()
                if name.hasPrefix("profile ") { name = name.dropFirst("profile ".count).trimmingWhitespace() }
                current = name
                sections[name, default: [:]] = sections[name] ?? [:]
            } else if let current, let equals = line.firstIndex(of: "=") {
                let key = line[..<equals].trimmingWhitespace()
                sections[current]?[key] = line[line.index(after: equals)...].trimmingWhitespace()
            }
        }
        return sections
    }
}
