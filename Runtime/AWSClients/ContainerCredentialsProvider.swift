import HTTPClient

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Temporary credentials from the container credentials endpoint: `AWS_CONTAINER_CREDENTIALS_FULL_URI`,
/// or `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on `169.254.170.2`, with the token from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
/// Cached until five minutes before they expire; concurrent callers share one fetch.
public actor ContainerCredentialsProvider: AWSCredentialsProvider {
    nonisolated let url: String
    private let tokenFile: String?
    private let token: String?
    private let httpClient: HTTPClient
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?
    static let refreshMargin: TimeInterval = 300

    public init?(environment: [String: String], httpClient: HTTPClient = .shared,
                 now: @escaping @Sendable () -> Date = { Date() }) {
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
           expiration.timeIntervalSince(now()) > Self.refreshMargin {
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
        let body = try JSONDecoder().decode(Body.self, from: response.body)
        return AWSCredentials(accessKeyID: body.AccessKeyId, secretAccessKey: body.SecretAccessKey,
                              sessionToken: body.Token, expiration: body.Expiration.flatMap(ISO8601Timestamp.parse))
    }

    private func authorizationToken() throws -> String? {
        guard let tokenFile else { return token }
        // Read on every fetch: the platform rotates the file.
        let data = try Data(contentsOf: URL(fileURLWithPath: tokenFile))
        return String(decoding: data, as: UTF8.self).trimmingSpacesAndTabs()
            .trimmingCharacters(while: \.isNewline)
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

extension String {
    func trimmingCharacters(while predicate: (Character) -> Bool) -> String {
        String(drop(while: predicate).reversed().drop(while: predicate).reversed())
    }
}

/// `2026-11-22T06:00:00Z` (fractional seconds allowed), the format of credential expiry times.
enum ISO8601Timestamp {
    static func parse(_ text: String) -> Date? {
        let digits = text.utf8.map { Int64($0) - 48 }
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= digits.count else { return nil }
            var value: Int64 = 0
            for index in range {
                guard (0...9).contains(digits[index]) else { return nil }
                value = value * 10 + digits[index]
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              text.hasSuffix("Z") else { return nil }
        let days = CivilTime.daysSince1970(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
