import AWSClients
import LambdaRuntime
import PetDomain

Lambda.run { context in
    let environment = context.environment
    let aws = AWSClient(environment: environment.variables, logger: context.logger)
    return CleanupHandler(
        catalog: DynamoDBFoodCatalog(dynamoDB: DynamoDB(client: aws), table: try environment.required("FOOD_TABLE_NAME")),
        images: S3FoodImageStore(s3: S3(client: aws), bucket: try environment.required("S3_BUCKET_NAME")))
}
