import AWSClients
import LambdaRuntime

Lambda.run { context in
    let table = try context.environment.required("TABLE_NAME")
    let aws = AWSClient(environment: context.environment.variables, logger: context.logger)
    return StatusUpdaterHandler(store: DynamoDBPets(dynamoDB: DynamoDB(client: aws), table: table))
}
