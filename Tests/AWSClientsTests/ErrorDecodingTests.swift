import Foundation
import HTTPClient
import Testing

@testable import AWSClients

@Suite struct ErrorDecodingTests {
    @Test func jsonTypeAfterTheHash() {
        let error = AWSError(response: HTTPResponse(
            status: 400, headers: ["x-amzn-RequestId": "req-1"],
            body: Array(#"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#.utf8)))
        #expect(error.code == "ConditionalCheckFailedException")
        #expect(error.message == "The conditional request failed")
        #expect(error.status == 400)
        #expect(error.requestID == "req-1")
    }

    @Test func errorTypeHeaderBeforeTheColonWins() {
        let error = AWSError(response: HTTPResponse(
            status: 429, headers: ["X-Amzn-ErrorType": "ThrottlingException:http://internal.amazon.com/coral/"],
            body: Array(#"{"Message":"Too many requests"}"#.utf8)))
        #expect(error.code == "ThrottlingException")
        #expect(error.message == "Too many requests")
    }

    @Test func xmlCodeAndMessageEvenOnJSONServices() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated \
            does not match &amp; so on</Message></Error><RequestId>7a62c49f</RequestId></ErrorResponse>
            """
        let error = AWSError(response: HTTPResponse(status: 403, headers: ["x-amz-request-id": "s3-id"], body: Array(xml.utf8)))
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.message == "The request signature we calculated does not match & so on")
        #expect(error.requestID == "s3-id")
    }

    @Test func emptyBodyFallsBackToTheStatus() {
        let error = AWSError(response: HTTPResponse(status: 404))
        #expect(error.code == "NotFound")
        #expect(error.message == "")
    }

    @Test func dynamoDBCancellationReasonsAreTyped() throws {
        let body = #"""
            {"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled",
             "CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"}]}
            """#
        let error = DynamoDB.typedError(AWSError(response: HTTPResponse(status: 400, body: Array(body.utf8))))
        let canceled = try #require(error as? DynamoDB.TransactionCanceled)
        #expect(canceled.reasons.map(\.code) == ["None", "ConditionalCheckFailed"])
        #expect(canceled.reasons[1].message == "The conditional request failed")
    }
}

@Suite struct AttributeValueTests {
    static let everyKind: DynamoDB.Item = [
        "s": .s("text ሴ"), "n": .n("-12.50"), "b": .b([0, 1, 254, 255]), "bool": .bool(true), "null": .null,
        "m": .m(["inner": .l([.s("x"), .n("1"), .m([:])])]), "l": .l([]), "ss": .ss(["a", "b"]), "ns": .ns(["1", "2.5"]),
        "bs": .bs([[1], []]),
    ]

    @Test func everyKindRoundTrips() throws {
        let data = try JSONEncoder().encode(Self.everyKind)
        #expect(try JSONDecoder().decode(DynamoDB.Item.self, from: data) == Self.everyKind)
    }

    @Test func wireFormatIsDynamoDBs() throws {
        let json = #"{"b":{"B":"AAH+/w=="},"null":{"NULL":true},"n":{"N":"7"},"ss":{"SS":["a"]}}"#
        let item = try JSONDecoder().decode(DynamoDB.Item.self, from: Data(json.utf8))
        #expect(item == ["b": .b([0, 1, 254, 255]), "null": .null, "n": 7, "ss": .ss(["a"])])
        let encoded = String(decoding: try JSONEncoder().encode(["k": AttributeValue.b([0, 1, 254, 255])]), as: UTF8.self)
        #expect(encoded == #"{"k":{"B":"AAH+\/w=="}}"#)
    }

    @Test func aValueWithTwoTypesIsRejected() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AttributeValue.self, from: Data(#"{"S":"a","N":"1"}"#.utf8))
        }
    }

    @Test func accessorsAndLiterals() {
        let value: AttributeValue = 42
        #expect(value.int == 42)
        #expect(AttributeValue("x").string == "x")
        #expect(AttributeValue(true).bool == true)
        #expect(AttributeValue.number(UInt8(3)) == .n("3"))
        #expect(AttributeValue.s("x").int == nil)
    }
}
