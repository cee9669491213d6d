import AWSClients
import LambdaRuntime
import PetDomain

Lambda.run { context in
    let environment = context.environment
    let aws = AWSClient(environment: environment.variables, logger: context.logger)
    // Bedrock's image quotas are per minute: throttled calls wait longer and try more often than others.
    let bedrock = AWSClient(environment: environment.variables,
                            retryPolicy: RetryPolicy(maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .seconds(10)),
                            logger: context.logger)
    return ImageGeneratorHandler(
        catalog: DynamoDBFoodCatalog(dynamoDB: DynamoDB(client: aws), table: try environment.required("FOOD_TABLE_NAME")),
        images: S3FoodImageStore(s3: S3(client: aws), bucket: try environment.required("S3_BUCKET_NAME")),
        model: TitanImageModel(bedrock: BedrockRuntime(client: bedrock),
                               modelID: environment["BEDROCK_MODEL_ID"] ?? "amazon.titan-image-generator-v2:0"))
}
