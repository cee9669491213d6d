import AWSClients
import LambdaRuntime
import PetDatabase

Lambda.run { context in
    let aws = AWSClient(environment: context.environment.variables, logger: context.logger)
    let database = try await DatabaseClient.fromSecretParameter(context, aws: aws)
    let directory = context.environment["USER_POOL_ID"].map {
        CognitoUserDirectory(cognito: CognitoIdentityProvider(client: aws), userPoolID: $0)
    }
    return UserCreatorHandler(users: PostgresUserStore(database: database), directory: directory)
}
