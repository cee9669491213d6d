import AWSClients
import HTTPClient
import LambdaRuntime
import PetDatabase

Lambda.run { context in
    let aws = AWSClient(environment: context.environment.variables, logger: context.logger)
    // An init error would leave a custom resource request unanswered (and a stack Delete failed after
    // ServiceTimeout): start anyway, and let the handler answer with the reason.
    let schema: any SchemaStore
    do {
        schema = PostgresSchemaStore(database: try await DatabaseClient.fromSecretParameter(context, aws: aws))
    } catch {
        context.logger.error("database setup failed; migrations will answer FAILED", metadata: ["error": "\(error)"])
        schema = UnavailableSchemaStore(reason: "\(error)")
    }
    return RdsSeederHandler(schema: schema, responder: ResponseURLResponder(http: .shared))
}
