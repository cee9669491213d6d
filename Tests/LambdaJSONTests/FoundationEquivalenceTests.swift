import Foundation
import LambdaJSON
import Testing

/// Our coders against Foundation's on the same inputs: same values, or the same error case at the same path.
@Suite struct FoundationEquivalenceTests {
    /// Decodes `json` with both and expects the same outcome.
    func expectSameDecoding<T: Decodable & Equatable>(_ type: T.Type, _ json: String,
                                                      sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = Result { try decode(type, json) }
        let theirs = Result { try foundationDecode(type, json) }
        switch (ours, theirs) {
        case (.success(let ours), .success(let theirs)):
            #expect(ours == theirs, "\(json)", sourceLocation: sourceLocation)
        case (.failure(let ours as DecodingError), .failure(let theirs as DecodingError)):
            #expect(DecodingFailure(ours) == DecodingFailure(theirs), "\(json)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(json): ours \(ours), Foundation's \(theirs)", sourceLocation: sourceLocation)
        }
    }

    @Test func eventsAndStructs() {
        let valid = #"{"name":"Rex","species":"dog","age":3,"tags":["a"],"owner":{"id":"u"},"available":false,"price":1e2}"#
        expectSameDecoding(Pet.self, valid)
        expectSameDecoding(Pet.self, #"{"name":"Rex","species":"dog","age":3,"tags":[],"available":true,"price":0}"#)
        expectSameDecoding(Pet.self, #"{"name":"Rex","species":"ferret","age":3,"tags":[],"available":true,"price":0}"#)
        expectSameDecoding(Pet.self, #"{"name":"Rex","species":"dog","age":3,"tags":[1],"available":true,"price":0}"#)
        expectSameDecoding(Pet.self, #"{"name":"Rex","species":"dog","age":3,"tags":null,"available":true,"price":0}"#)
        expectSameDecoding(Pet.self, #"{"name":"Rex","species":"dog","age":3,"tags":[],"available":1,"price":0}"#)
        expectSameDecoding(Pet.self, #"{"name":"Rex","species":"dog","age":3,"tags":[],"owner":{},"available":true,"price":0}"#)
        expectSameDecoding(Pet.self, #"{"name":"Rex","species":"dog","age":3,"tags":[],"owner":[],"available":true,"price":0}"#)
        expectSameDecoding(Pet.self, #"{"species":"dog"}"#)
        expectSameDecoding(Pet.self, "[]")
        expectSameDecoding(Pet.self, "null")
        expectSameDecoding([Pet.Owner].self, #"[{"id":"a"},{"id":"b","email":null},{"id":"c","email":"e"}]"#)
        expectSameDecoding([Pet.Owner].self, #"[{"id":"a"},{"email":"x"}]"#)
        expectSameDecoding([Pet.Owner].self, #"[{"id":"a"},null]"#)
        expectSameDecoding(Everything.self, String(decoding: try! JSONEncoder().encode(Everything.example), as: UTF8.self))
    }

    @Test func enumsDictionariesAndNesting() {
        expectSameDecoding([Event].self, #"[{"adopted":{"petID":"p","by":"u"}},{"priced":{"_0":2}},{"removed":{}}]"#)
        expectSameDecoding([Event].self, #"[{"adopted":{"petID":"p"}}]"#)
        expectSameDecoding([Event].self, #"[{"unknown":{}}]"#)
        expectSameDecoding([Event].self, #"[{"priced":{"_0":"x"}}]"#)
        expectSameDecoding([String: Int].self, #"{"a":1,"b":-2,"a":3}"#)
        expectSameDecoding([String: [String: [Int]]].self, #"{"a":{"b":[1,2]},"c":{}}"#)
        expectSameDecoding([String: [Int]].self, #"{"x":[1,"a"]}"#)
        expectSameDecoding([Int: String].self, #"{"1":"a","-5":"b"}"#)
        expectSameDecoding([Int: String].self, #"{"1":"a","x":"b"}"#)
        expectSameDecoding([[Int?]].self, "[[1,null],[],[null]]")
        expectSameDecoding(Set<String>.self, #"["a","b","a"]"#)
        expectSameDecoding([String: Bool?].self, #"{"a":null,"b":true}"#)
    }

    @Test func scalars() {
        for json in ["0", "-0", "1", "-1", "1e2", "1.0", "1.5", "1e-2", "9223372036854775807", "9223372036854775808",
                     "-9223372036854775808", "-9223372036854775809", #""1""#, "true", "null", "[]", "{}"] {
            expectSameDecoding(Int.self, json)
            expectSameDecoding(Int8.self, json)
            expectSameDecoding(UInt64.self, json)
            expectSameDecoding(Int?.self, json)
        }
        for json in ["0", "-0.0", "0.1", "1e308", "1e309", "-1e400", "1e-400", "4.9e-324", "12.5", "1E+2", #""1.5""#, "null",
                     "true"] {
            expectSameDecoding(Double.self, json)
            expectSameDecoding(Float.self, json)
        }
        for json in ["true", "false", "0", "1", #""true""#] {
            expectSameDecoding(Bool.self, json)
        }
        for json in [#""""#, #""a\u00e9\n\"\\\/""#, #""\ud83d\ude00""#, #""\ud800""#, "1", "null", #"["a"]"#] {
            expectSameDecoding(String.self, json)
        }
    }

    @Test func invalidDocuments() {
        // Foundation takes a trailing comma and stops at a NUL; we refuse both, so they are not in this list.
        for json in ["", " ", "{", "}", "[1", "[1 2]", "{\"a\"}", "{\"a\":}", "{a:1}", "tru", "nulll", "+1", "1 2",
                     "[1]]", "\"\\u12\"", "'a'", "NaN", "{\"a\":1 \"b\":2}"] {
            expectSameDecoding([String: Int].self, json)
        }
    }

    /// Where we chose to differ from Foundation, both sides of the difference, so that a change on either shows.
    @Test func deliberateDifferences() throws {
        // We check the whole document first; Foundation checks a scalar only when something reads it, so for a
        // malformed scalar where an object was expected it reports the type instead of the syntax.
        for json in ["01", "1.", #""\x""#, "\"a\u{1}\"", "[-]"] {
            #expect(decodingFailure([String: Int].self, json)?.kind == .dataCorrupted, "\(json)")
            #expect(foundationDecodingFailure([String: Int].self, json)?.kind == .typeMismatch, "\(json)")
        }
        // Foundation accepts a trailing comma, and a NUL byte after the value.
        #expect(decodingFailure([Int].self, "[1,2,]")?.kind == .dataCorrupted)
        #expect(try foundationDecode([Int].self, "[1,2,]") == [1, 2])
        #expect(decodingFailure(Int.self, "1\u{0}")?.kind == .dataCorrupted)
        #expect(try foundationDecode(Int.self, "1\u{0}") == 1)
        // A number that does not fit: the same case, but we also say where.
        struct Age: Decodable { var age: Int }
        #expect(decodingFailure(Age.self, #"{"age":3.5}"#) == .expected(.dataCorrupted, ["age"]))
        #expect(foundationDecodingFailure(Age.self, #"{"age":3.5}"#) == .expected(.dataCorrupted, []))
        // Null for a Bool is valueNotFound, as for every other type; Foundation alone calls it a type mismatch.
        #expect(decodingFailure(Bool.self, "null")?.kind == .valueNotFound)
        #expect(foundationDecodingFailure(Bool.self, "null")?.kind == .typeMismatch)
        // "/" is not escaped.
        #expect(try encode("a/b") == #""a/b""#)
        #expect(String(decoding: try JSONEncoder().encode("a/b"), as: UTF8.self) == #""a\/b""#)
    }

    /// Values encoded by both; members are compared without regard to order, as Foundation's order is random.
    @Test func encodingMatchesFoundation() throws {
        func expectSameEncoding<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let ours = try encode(value)
            let theirs = try foundationEncode(value)
            #expect(try JSONTree.parse(ours) == JSONTree.parse(theirs), "\(ours) vs \(theirs)", sourceLocation: sourceLocation)
        }
        try expectSameEncoding(Everything.example)
        try expectSameEncoding(Pet(name: "a/b", species: .cat, age: -1, tags: [], owner: nil, available: false, price: 0.1))
        try expectSameEncoding([Event.adopted(petID: "p", by: "u"), .priced(-0.0), .removed])
        try expectSameEncoding(["k": ["nested": [1.5, 2]], "empty": [:]])
        try expectSameEncoding([1: [true], 2: []])
        try expectSameEncoding("\u{0}\u{1f}\"\\/é😀")
        // Single values and arrays have no member order to differ in, so their text must match exactly.
        for value in [0.1, 1e20, 1e-7, -0.0, 100, Double.leastNonzeroMagnitude] { #expect(try encode(value) == foundationEncode(value)) }
        #expect(try encode(["x", "y/z"]) == foundationEncode(["x", "y/z"]))
        #expect(try encode([Int64.min, 0]) == foundationEncode([Int64.min, 0]))
        #expect(try encode("tab\there") == foundationEncode("tab\there"))
    }
}
