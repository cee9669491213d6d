import Foundation
import LambdaJSON
import Testing

@Suite struct JSONNumberTests {
    struct Price: Codable, Equatable {
        var amount: JSONNumber
        var previous: JSONNumber?
    }

    @Test(arguments: ["12.30", "1e400", "-0", "0.1000000000000000055511151231257827", "123456789012345678901234567890",
                      "1E-7", "-1.5e+10"])
    func keepsTheLiteralExactlyAndWritesItBack(literal: String) throws {
        let price = try decode(Price.self, #"{"amount": \#(literal)}"#)
        #expect(price.amount.text == literal)
        #expect(price.amount.description == literal)
        #expect(price.previous == nil)
        #expect(try encode(price) == #"{"amount":\#(literal)}"#)
        #expect(try decode([JSONNumber].self, "[\(literal)]").map(\.text) == [literal])
        #expect(try encode(try #require(JSONNumber(literal))) == literal)
    }

    @Test func onlyNumbersDecode() throws {
        #expect(decodingFailure(Price.self, #"{"amount":"12.30"}"#) == .expected(.typeMismatch, ["amount"]))
        #expect(decodingFailure(Price.self, #"{"amount":null}"#) == .expected(.valueNotFound, ["amount"]))
        #expect(try decode(Price.self, #"{"amount":1,"previous":null}"#).previous == nil)
        #expect(try decode(Price.self, #"{"amount":1,"previous":2.50}"#).previous?.text == "2.50")
    }

    @Test(arguments: ["", "+1", "01", "1.", ".5", "1e", "NaN", "Infinity", "0x10", " 1", "1 ", "--1", "1e+-2"])
    func refusesTextThatIsNotAJSONNumber(text: String) {
        #expect(JSONNumber(text) == nil)
    }

    @Test(arguments: ["0", "-0", "1.5", "1e5", "1E+5", "-0.0e-0", "123"])
    func acceptsJSONNumbers(text: String) throws {
        #expect(try #require(JSONNumber(text)).text == text)
    }

    @Test func equalityIsOnTheText() throws {
        #expect(JSONNumber("1.0") != JSONNumber("1"))
        #expect(JSONNumber("1.0") == JSONNumber("1.0"))
        #expect(Set([JSONNumber("2")!, JSONNumber("2")!]).count == 1)
    }

    /// Through Foundation's coders, which do not show the literal, JSONNumber falls back to a Double or a string.
    @Test func fallsBackToDoubleOrStringWithOtherCoders() throws {
        #expect(try foundationDecode(Price.self, #"{"amount":12.5}"#).amount.text == "12.5")
        #expect(try foundationDecode(Price.self, #"{"amount":"12.30"}"#).amount.text == "12.30")
        #expect(foundationDecodingFailure(Price.self, #"{"amount":"twelve"}"#)?.kind == .dataCorrupted)
        #expect(try foundationEncode(Price(amount: JSONNumber("12.50")!)) == #"{"amount":12.5}"#)
        #expect(try foundationEncode(Price(amount: JSONNumber("1e400")!)) == #"{"amount":"1e400"}"#)
    }
}
