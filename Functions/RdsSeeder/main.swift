import AWSClients
import HTTPClient
import LambdaRuntime
import PetDatabase

Lambda.run { context in
    let parameterName = try context.environment.required("SECRET_PARAMETER_NAME")
    let tls = DatabaseTLS(environment: context.environment.variables)
    context.logger.info("database connections use \(tls)")
    let aws = AWSClient(environment: context.environment.variables, logger: context.logger)
    let database = try DatabaseClient(
        credentials: SecretCredentials(parameterName: parameterName, aws: aws), tls: tls, logger: context.logger)
    return RdsSeederHandler(
        schema: PostgresSchemaStore(database: database), responder: ResponseURLResponder(http: .shared))
}
