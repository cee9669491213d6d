import AWSClients
import HTTPClient
import LambdaRuntime
import PetDatabase

Lambda.run { context in
    let aws = AWSClient(environment: context.environment.variables, logger: context.logger)
    let database = try await DatabaseClient.fromSecretParameter(context, aws: aws)
    return RdsSeederHandler(
        schema: PostgresSchemaStore(database: database), responder: ResponseURLResponder(http: .shared))
}
