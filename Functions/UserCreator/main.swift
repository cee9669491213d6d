import AWSClients
import LambdaRuntime
import PetDatabase

Lambda.run { context in
    let parameterName = try context.environment.required("SECRET_PARAMETER_NAME")
    let tls = DatabaseTLS(environment: context.environment.variables)
    context.logger.info("database connections use \(tls)")
    let aws = AWSClient(environment: context.environment.variables, logger: context.logger)
    let database = try DatabaseClient(
        credentials: SecretCredentials(parameterName: parameterName, aws: aws), tls: tls, logger: context.logger)
    let directory = context.environment["USER_POOL_ID"].map {
        CognitoUserDirectory(cognito: CognitoIdentityProvider(client: aws), userPoolID: $0)
    }
    return UserCreatorHandler(users: PostgresUserStore(database: database), directory: directory)
}
