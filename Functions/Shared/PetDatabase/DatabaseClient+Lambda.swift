import AWSClients
import LambdaRuntime

extension DatabaseClient {
    /// The database a PostgreSQL function is configured for: `SECRET_PARAMETER_NAME` names the SSM parameter
    /// holding the Secrets Manager secret's ARN, and `PGSSLROOTCERT` / `PGSSLMODE` set how TLS is verified.
    /// Read once at init (a missing variable is an init error); the connection opens on first use.
    public static func fromSecretParameter(_ context: LambdaInitContext, aws: AWSClient) throws -> DatabaseClient {
        let parameterName = try context.environment.required("SECRET_PARAMETER_NAME")
        let tls = DatabaseTLS(environment: context.environment.variables)
        context.logger.info("database connections use \(tls)")
        return try DatabaseClient(
            credentials: SecretCredentials(parameterName: parameterName, aws: aws), tls: tls, logger: context.logger)
    }
}
