/// One action of `transactWriteItems`.
public enum TransactWriteAction: Sendable, Encodable {
    case put(table: String, item: DynamoDB.Item, DynamoDB.Expressions = DynamoDB.Expressions())
    case update(table: String, key: DynamoDB.Item, update: String, DynamoDB.Expressions = DynamoDB.Expressions())
    case delete(table: String, key: DynamoDB.Item, DynamoDB.Expressions = DynamoDB.Expressions())
    case conditionCheck(table: String, key: DynamoDB.Item, DynamoDB.Expressions)

    private enum Kind: String, CodingKey { case Put, Update, Delete, ConditionCheck }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Kind.self)
        switch self {
        case let .put(table, item, expressions):
            try container.encode(Body(table, expressions, item: item), forKey: .Put)
        case let .update(table, key, update, expressions):
            try container.encode(Body(table, expressions, key: key, update: update), forKey: .Update)
        case let .delete(table, key, expressions):
            try container.encode(Body(table, expressions, key: key), forKey: .Delete)
        case let .conditionCheck(table, key, expressions):
            try container.encode(Body(table, expressions, key: key), forKey: .ConditionCheck)
        }
    }

    // swiftlint:disable identifier_name
    private struct Body: Encodable {
        var TableName: String
        var Item: DynamoDB.Item?
        var Key: DynamoDB.Item?
        var UpdateExpression: String?
        var ConditionExpression: String?
        var ExpressionAttributeNames: [String: String]?
        var ExpressionAttributeValues: DynamoDB.Item?

        init(_ table: String, _ expressions: DynamoDB.Expressions, item: DynamoDB.Item? = nil,
             key: DynamoDB.Item? = nil, update: String? = nil) {
            TableName = table
            Item = item
            Key = key
            UpdateExpression = update
            ConditionExpression = expressions.condition
            ExpressionAttributeNames = expressions.names
            ExpressionAttributeValues = expressions.values
        }
    }
    // swiftlint:enable identifier_name
}
