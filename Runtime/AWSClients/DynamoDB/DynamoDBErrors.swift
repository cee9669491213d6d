import LambdaJSON

extension DynamoDB {
    /// A write's condition did not hold. `item` is the current item when the request asked for it.
    public struct ConditionalCheckFailed: Error, Sendable {
        public var message: String
        public var item: Item?
        public var underlying: AWSError
    }

    /// A transaction was cancelled; `reasons` has one entry per action, in order (`code` "None" for the
    /// actions that were fine, e.g. "ConditionalCheckFailed" for the one that was not).
    public struct TransactionCanceled: Error, Sendable {
        public struct Reason: Sendable, Decodable, Equatable {
            public var code: String
            public var message: String?
            public var item: Item?
            enum CodingKeys: String, CodingKey { case code = "Code", message = "Message", item = "Item" }
        }

        public var message: String
        public var reasons: [Reason]
        public var underlying: AWSError
    }

    static func typedError(_ error: AWSError) -> any Error {
        switch error.code {
        case "ConditionalCheckFailedException":
            let body = try? LambdaJSONDecoder().decode(ConditionalCheckBody.self, from: error.body)
            return ConditionalCheckFailed(message: error.message, item: body?.Item, underlying: error)
        case "TransactionCanceledException":
            let body = try? LambdaJSONDecoder().decode(CancellationBody.self, from: error.body)
            return TransactionCanceled(message: error.message, reasons: body?.CancellationReasons ?? [],
                                       underlying: error)
        default:
            return error
        }
    }

    // swiftlint:disable identifier_name
    private struct ConditionalCheckBody: Decodable { var Item: Item? }
    private struct CancellationBody: Decodable { var CancellationReasons: [TransactionCanceled.Reason]? }
    // swiftlint:enable identifier_name
}
