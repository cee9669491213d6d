import HTTPClient
import LambdaJSON
import LambdaSystem

/// Temporary credentials from the container credentials endpoint: `AWS_CONTAINER_CREDENTIALS_FULL_URI`,
/// or `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on `169.254.170.2`, with the token from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
/// Cached until five minutes before they expire; concurrent callers share one fetch.
public actor ContainerCredentialsProvider: AWSCredentialsProvider {
    nonisolated let url: String
    private let tokenFile: String?
    private let token: String?
    private let httpClient: HTTPClient
    private let now: @Sendable () -> Timestamp
    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?
    static let refreshMargin: Duration = .seconds(300)

    public init?(environment: [String: String], httpClient: HTTPClient = .shared,
                 now: @escaping @Sendable () -> Timestamp = { .now() }) {
        if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
            url = full
        } else if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            url = "http://169.254.170.2" + relative
        } else {
            return nil
        }
        tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        self.httpClient = httpClient
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, let expiration = cached.expiration,
           expiration - now() > Self.refreshMargin {
            return cached
        }
        if let inFlight { return try await inFlight.value }
        let fetch = Task { try await self.fetch() }
        inFlight = fetch
        defer { inFlight = nil }
        let fresh = try await fetch.value
        cached = fresh
        return fresh
    }

    private func fetch() async throws -> AWSCredentials {
        var request = HTTPRequest(url: url, timeout: .seconds(5))
        if let authorization = try authorizationToken() { request.headers.set("Authorization", authorization) }
        let response = try await httpClient.request(request)
        guard response.status == 200 else {
            throw CredentialsNotFound(description: "Container credentials endpoint \(url) answered \(response.status)")
        }
        let body = try LambdaJSONDecoder().decode(Body.self, from: response.body)
        return AWSCredentials(accessKeyID: body.AccessKeyId, secretAccessKey: body.SecretAccessKey,
                              sessionToken: body.Token, expiration: body.Expiration.flatMap(Timestamp.init(iso8601:)))
    }

    private func authorizationToken() throws -> String? {
        guard let tokenFile else { return token }
        // Read on every fetch: the platform rotates the file.
        let data = try LocalFile.contents(of: tokenFile)
        return String(decoding: data, as: UTF8.self).trimmingWhitespace()
    }

    private struct Body: Decodable {
        // swiftlint:disable identifier_name
        var AccessKeyId: String
        var SecretAccessKey: String
        var Token: String?
        var Expiration: String?
        // swiftlint:enable identifier_name
    }
}
