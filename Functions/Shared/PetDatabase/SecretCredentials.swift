#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSClients

/// The credentials as the pet store deploys them: an SSM parameter holds the ARN of the Secrets Manager
/// secret RDS manages. Each call reads both, so a refresh sees a rotated password; `DatabaseClient`
/// keeps the result, so a warm function asks only on its first connection and after a refused password.
public struct SecretCredentials: CredentialsSource {
    let parameterName: String
    let ssm: SSM
    let secretsManager: SecretsManager

    public init(parameterName: String, aws: AWSClient) {
        self.parameterName = parameterName
        self.ssm = SSM(client: aws)
        self.secretsManager = SecretsManager(client: aws)
    }

    public func credentials(refresh: Bool) async throws -> DatabaseCredentials {
        let secretARN: String
        do {
            secretARN = try await ssm.getParameter(name: parameterName, withDecryption: true).value
        } catch {
            throw CredentialsUnavailable(reason: "SSM parameter \(parameterName): \(error)")
        }
        let secret: SecretsManager.SecretValue
        do {
            secret = try await secretsManager.getSecretValue(secretID: secretARN)
        } catch {
            throw CredentialsUnavailable(reason: "secret \(secretARN) (from \(parameterName)): \(error)")
        }
        guard let text = secret.secretString else {
            throw CredentialsUnavailable(reason: "secret \(secretARN) holds no SecretString")
        }
        do {
            return try JSONDecoder().decode(DatabaseCredentials.self, from: Data(text.utf8))
        } catch {
            // The decoding error names the missing or mistyped key, never the secret's values.
            throw CredentialsUnavailable(
                reason: "secret \(secretARN) is not {host, port, dbname, username, password} JSON: \(error)")
        }
    }
}

public struct CredentialsUnavailable: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "database credentials unavailable: \(reason)" }
}
