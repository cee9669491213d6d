import AWSClients
import LambdaRuntime

Lambda.run { context in
    let environment = context.environment
    let ledger = DynamoDBStockLedger(
        dynamoDB: DynamoDB(client: AWSClient(environment: environment.variables, logger: context.logger)),
        foodsTable: try environment.required("FOODS_TABLE_NAME"),
        idempotencyTable: try environment.required("IDEMPOTENCY_TABLE_NAME"))
    let functionName = environment.functionName.isEmpty ? "PetfoodStock" : environment.functionName
    return PetfoodStockHandler(keeper: StockKeeper(ledger: ledger, functionName: functionName))
}
