/// DynamoDB over its JSON 1.0 protocol. Expressions are passed as written; names and values as maps.
public struct DynamoDB: Sendable {
    /// An item or a key: attribute names to values.
    public typealias Item = [String: AttributeValue]

    public enum ReturnValues: String, Sendable, Encodable {
        case none = "NONE", allOld = "ALL_OLD", updatedOld = "UPDATED_OLD", allNew = "ALL_NEW", updatedNew = "UPDATED_NEW"
    }

    /// The parts shared by conditional writes.
    public struct Expressions: Sendable {
        public var condition: String?
        public var names: [String: String]?
        public var values: Item?

        public init(condition: String? = nil, names: [String: String]? = nil, values: Item? = nil) {
            self.condition = condition
            self.names = names
            self.values = values
        }
    }

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func getItem(table: String, key: Item, consistentRead: Bool = false) async throws -> Item? {
        let output: ItemOutput = try await call("GetItem", Wire.GetItem(TableName: table, Key: key,
                                                                        ConsistentRead: consistentRead ? true : nil))
        return output.Item
    }

    /// Writes the item; with a condition, throws `ConditionalCheckFailed` when it does not hold.
    /// Returns the old item when `returnValues` is `.allOld`.
    @discardableResult
    public func putItem(table: String, item: Item, _ expressions: Expressions = Expressions(),
                        returnValues: ReturnValues = .none) async throws -> Item? {
        let output: AttributesOutput = try await call("PutItem", Wire.PutItem(
            TableName: table, Item: item, ConditionExpression: expressions.condition,
            ExpressionAttributeNames: expressions.names, ExpressionAttributeValues: expressions.values,
            ReturnValues: returnValues == .none ? nil : returnValues))
        return output.Attributes
    }

    /// Applies `update` (e.g. `SET #s = :new ADD attempts :one`); returns the attributes `returnValues` asks for.
    @discardableResult
    public func updateItem(table: String, key: Item, update: String, _ expressions: Expressions = Expressions(),
                           returnValues: ReturnValues = .none) async throws -> Item? {
        let output: AttributesOutput = try await call("UpdateItem", Wire.UpdateItem(
            TableName: table, Key: key, UpdateExpression: update, ConditionExpression: expressions.condition,
            ExpressionAttributeNames: expressions.names, ExpressionAttributeValues: expressions.values,
            ReturnValues: returnValues == .none ? nil : returnValues))
        return output.Attributes
    }

    @discardableResult
    public func deleteItem(table: String, key: Item, _ expressions: Expressions = Expressions(),
                           returnValues: ReturnValues = .none) async throws -> Item? {
        let output: AttributesOutput = try await call("DeleteItem", Wire.DeleteItem(
            TableName: table, Key: key, ConditionExpression: expressions.condition,
            ExpressionAttributeNames: expressions.names, ExpressionAttributeValues: expressions.values,
            ReturnValues: returnValues == .none ? nil : returnValues))
        return output.Attributes
    }

    /// All or nothing; throws `TransactionCanceled` with one reason per action when any condition fails.
    public func transactWriteItems(_ actions: [TransactWriteAction], clientRequestToken: String? = nil) async throws {
        let _: EmptyOutput = try await call("TransactWriteItems", Wire.TransactWriteItems(
            TransactItems: actions, ClientRequestToken: clientRequestToken))
    }

    /// One page of a query; pass `page.lastEvaluatedKey` back as `startKey` for the next one.
    public func query(table: String, index: String? = nil, keyCondition: String, filter: String? = nil,
                      names: [String: String]? = nil, values: Item? = nil, limit: Int? = nil,
                      scanForward: Bool = true, consistentRead: Bool = false, startKey: Item? = nil) async throws -> Page {
        try await call("Query", Wire.Query(
            TableName: table, IndexName: index, KeyConditionExpression: keyCondition, FilterExpression: filter,
            ExpressionAttributeNames: names, ExpressionAttributeValues: values, Limit: limit,
            ScanIndexForward: scanForward ? nil : false, ConsistentRead: consistentRead ? true : nil,
            ExclusiveStartKey: startKey))
    }

    /// One page of a scan; pass `page.lastEvaluatedKey` back as `startKey` for the next one.
    public func scan(table: String, filter: String? = nil, names: [String: String]? = nil, values: Item? = nil,
                     limit: Int? = nil, startKey: Item? = nil) async throws -> Page {
        try await call("Scan", Wire.Scan(
            TableName: table, FilterExpression: filter, ExpressionAttributeNames: names,
            ExpressionAttributeValues: values, Limit: limit, ExclusiveStartKey: startKey))
    }

    /// Every item of a scan, following pagination.
    public func scanAll(table: String, filter: String? = nil, names: [String: String]? = nil,
                        values: Item? = nil) async throws -> [Item] {
        var items: [Item] = []
        var startKey: Item?
        repeat {
            let page = try await scan(table: table, filter: filter, names: names, values: values, startKey: startKey)
            items += page.items
            startKey = page.lastEvaluatedKey
        } while startKey != nil
        return items
    }

    /// Creates an on-demand table with a string hash key and optional string range key (for tests and tools).
    public func createTable(name: String, hashKey: String, rangeKey: String? = nil) async throws {
        var attributes = [Wire.AttributeDefinition(AttributeName: hashKey, AttributeType: "S")]
        var schema = [Wire.KeySchemaElement(AttributeName: hashKey, KeyType: "HASH")]
        if let rangeKey {
            attributes.append(Wire.AttributeDefinition(AttributeName: rangeKey, AttributeType: "S"))
            schema.append(Wire.KeySchemaElement(AttributeName: rangeKey, KeyType: "RANGE"))
        }
        let _: EmptyOutput = try await call("CreateTable", Wire.CreateTable(
            TableName: name, AttributeDefinitions: attributes, KeySchema: schema, BillingMode: "PAY_PER_REQUEST"))
    }

    public func deleteTable(name: String) async throws {
        let _: EmptyOutput = try await call("DeleteTable", Wire.TableName(TableName: name))
    }

    public struct Page: Sendable, Decodable {
        public var items: [Item]
        public var lastEvaluatedKey: Item?
        enum CodingKeys: String, CodingKey { case items = "Items", lastEvaluatedKey = "LastEvaluatedKey" }
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
            lastEvaluatedKey = try container.decodeIfPresent(Item.self, forKey: .lastEvaluatedKey)
        }
    }

    private func call<Output: Decodable>(_ operation: String, _ input: some Encodable) async throws -> Output {
        do {
            return try await client.sendJSON(.dynamoDB, target: "DynamoDB_20120810.\(operation)", input: input,
                                             contentType: "application/x-amz-json-1.0")
        } catch let error as AWSError {
            throw DynamoDB.typedError(error)
        }
    }

    private struct ItemOutput: Decodable { var Item: Item? }  // swiftlint:disable:this identifier_name
    private struct AttributesOutput: Decodable { var Attributes: Item? }  // swiftlint:disable:this identifier_name
}
