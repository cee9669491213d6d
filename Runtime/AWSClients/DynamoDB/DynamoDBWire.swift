// The request shapes as DynamoDB spells them on the wire.
// swiftlint:disable identifier_name
extension DynamoDB {
    enum Wire {
        struct TableName: Encodable { var TableName: String }
        struct GetItem: Encodable {
            var TableName: String
            var Key: Item
            var ConsistentRead: Bool?
        }
        struct PutItem: Encodable {
            var TableName: String
            var Item: Item
            var ConditionExpression: String?
            var ExpressionAttributeNames: [String: String]?
            var ExpressionAttributeValues: Item?
            var ReturnValues: ReturnValues?
        }
        struct UpdateItem: Encodable {
            var TableName: String
            var Key: Item
            var UpdateExpression: String
            var ConditionExpression: String?
            var ExpressionAttributeNames: [String: String]?
            var ExpressionAttributeValues: Item?
            var ReturnValues: ReturnValues?
        }
        struct DeleteItem: Encodable {
            var TableName: String
            var Key: Item
            var ConditionExpression: String?
            var ExpressionAttributeNames: [String: String]?
            var ExpressionAttributeValues: Item?
            var ReturnValues: ReturnValues?
        }
        struct TransactWriteItems: Encodable {
            var TransactItems: [TransactWriteAction]
            var ClientRequestToken: String?
        }
        struct Query: Encodable {
            var TableName: String
            var IndexName: String?
            var KeyConditionExpression: String
            var FilterExpression: String?
            var ExpressionAttributeNames: [String: String]?
            var ExpressionAttributeValues: Item?
            var Limit: Int?
            var ScanIndexForward: Bool?
            var ConsistentRead: Bool?
            var ExclusiveStartKey: Item?
        }
        struct Scan: Encodable {
            var TableName: String
            var FilterExpression: String?
            var ExpressionAttributeNames: [String: String]?
            var ExpressionAttributeValues: Item?
            var Limit: Int?
            var ExclusiveStartKey: Item?
        }
        struct AttributeDefinition: Encodable {
            var AttributeName: String
            var AttributeType: String
        }
        struct KeySchemaElement: Encodable {
            var AttributeName: String
            var KeyType: String
        }
        struct CreateTable: Encodable {
            var TableName: String
            var AttributeDefinitions: [AttributeDefinition]
            var KeySchema: [KeySchemaElement]
            var BillingMode: String
        }
    }
}
// swiftlint:enable identifier_name
