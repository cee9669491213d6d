import LambdaEvents
import LambdaTesting
import Testing

@Suite struct JSONValueTests {
    @Test func decodesEveryKindOfValue() throws {
        let json = #"{"n":null,"t":true,"f":false,"i":42,"d":-1.5,"s":"hi","a":[1,"two",[]],"o":{"k":{}}}"#
        let value = try LambdaPayload.decode(JSONValue.self, from: Array(json.utf8))
        #expect(value == [
            "n": nil, "t": true, "f": false, "i": 42, "d": -1.5, "s": "hi", "a": [1, "two", []], "o": ["k": [:]],
        ])
        #expect(value["i"]?.intValue == 42)
        #expect(value["d"]?.intValue == nil)
        #expect(value["d"]?.doubleValue == -1.5)
        #expect(value["t"]?.boolValue == true)
        #expect(value["i"]?.boolValue == nil)  // a number is never read as a Bool
        #expect(value["s"]?.stringValue == "hi")
        #expect(value["n"]?.isNull == true)
        #expect(value["a"]?[1] == "two")
        #expect(value["a"]?[5] == nil)
        #expect(value["missing"] == nil)
        #expect(try LambdaPayload.decode(JSONValue.self, from: LambdaPayload.encode(value)) == value)
    }

    @Test func encodesWholeNumbersWithoutAFraction() throws {
        #expect(try LambdaPayload.encode([42, 0.5] as JSONValue) == Array("[42,0.5]".utf8))
    }
}
