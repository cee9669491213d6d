import AWSClients
import LambdaRuntime

extension DatabaseClient {
    /// The database a PostgreSQL function is configured for: `SECRET_PARAMETER_NAME` names the SSM parameter
    /// holding the Secrets Manager secret's ARN; `PGSSLMODE`, `PGSSLROOTCERT` and
    /// `DATABASE_CA_BUNDLE_PARAMETER_NAME` set how TLS is verified (`DatabaseTLS.resolve`).
    /// Read once at init (a missing or unusable setting is an init error); the connection opens on first use.
    public static func fromSecretParameter(_ context: LambdaInitContext, aws: AWSClient) async throws -> DatabaseClient {
        let parameterName = try context.environment.required("SECRET_PARAMETER_NAME")
        let ssm = SSM(client: aws)
        let tls = try await DatabaseTLS.resolve(context.environment) { name in
            try await ssm.getParameter(name: name, withDecryption: true).value
        }
        if tls == .require { context.logger.warning("\(DatabaseTLS.unverifiedWarning)") }
        context.logger.info("database connections use \(tls)")
        return try DatabaseClient(
            credentials: SecretCredentials(parameterName: parameterName, aws: aws), tls: tls, logger: context.logger)
    }
}
