import LambdaJSON
import Testing

@Suite struct DecodingErrorTests {
    /// Invalid JSON, where the scanner stops, and what it says there.
    static let syntaxErrors: [(json: String, offset: Int, problem: String)] = [
        ("", 0, "unexpected end of input, expected a value"),
        ("   ", 3, "unexpected end of input, expected a value"),
        ("{", 1, "expected a string key in an object"),
        (#"{"a" 1}"#, 5, "expected ':' after an object key"),
        (#"{"a":1 "b":2}"#, 7, "expected ',' or '}' in an object"),
        (#"{"a":1,}"#, 7, "unexpected '}', expected a string key in an object"),
        ("{a:1}", 1, "unexpected 'a', expected a string key in an object"),
        ("[1,]", 3, "unexpected ']', expected a value"),
        ("[1 2]", 3, "expected ',' or ']' in an array"),
        ("[1", 2, "unexpected end of input in an array"),
        ("[,]", 1, "unexpected ',', expected a value"),
        ("1 x", 2, "unexpected 'x' after the top-level value"),
        ("[1] ]", 4, "unexpected ']' after the top-level value"),
        ("{} {}", 3, "after the top-level value"),
        ("1\u{0}", 1, "unexpected byte 0x00 after the top-level value"),
        ("tru", 0, "unexpected 't', expected a value"),
        ("truex", 4, "unexpected 'x' after the top-level value"),
        ("nul", 0, "expected a value"),
        ("NaN", 0, "unexpected 'N', expected a value"),
        ("Infinity", 0, "expected a value"),
        ("'a'", 0, "unexpected ''', expected a value"),
        ("01", 1, "a number has a leading zero"),
        ("-01", 2, "a number has a leading zero"),
        ("-", 1, "expected a digit in a number, found end of input"),
        ("+1", 0, "unexpected '+', expected a value"),
        (".5", 0, "unexpected '.', expected a value"),
        ("2.", 2, "expected a digit after a decimal point"),
        ("2.e3", 2, "expected a digit after a decimal point, found 'e'"),
        ("1e", 2, "expected a digit in an exponent"),
        ("1e+", 3, "expected a digit in an exponent"),
        (#""abc"#, 0, "unterminated string"),
        (#""a\"#, 2, "unterminated string"),
        (#""a\x""#, 2, "invalid escape \\'x' in a string"),
        (#""\u12""#, 1, "\\u is not followed by four hexadecimal digits"),
        (#""\u12G4""#, 1, "\\u is not followed by four hexadecimal digits"),
        (#""\ud800""#, 1, "unpaired surrogate \\uD800 in a string"),
        (#""\ud800x""#, 1, "unpaired surrogate \\uD800"),
        (#""\ud800\u0041""#, 1, "unpaired surrogate \\uD800"),
        (#""\udc00\ud800""#, 1, "unpaired surrogate \\uDC00"),
        ("\"a\u{1}\"", 2, "unescaped control character byte 0x01 in a string"),
        ("\"a\tb\"", 2, "unescaped control character byte 0x09"),
        ("\"a\nb\"", 2, "unescaped control character"),
    ]

    @Test(arguments: syntaxErrors)
    func syntaxErrorsNameTheProblemAndTheByteOffset(json: String, offset: Int, problem: String) throws {
        let failure = try #require(decodingFailure(JSONTree.self, json))
        #expect(failure.kind == .dataCorrupted)
        #expect(failure.path.isEmpty)
        #expect(failure.message.hasPrefix("The given data was not valid JSON: "))
        #expect(failure.message.contains(problem), "\(failure.message)")
        #expect(failure.message.hasSuffix(" at byte offset \(offset)."), "\(failure.message)")
    }

    /// Bytes that are not UTF-8, inside a string.
    static let invalidUTF8: [(bytes: [UInt8], offset: Int)] = [
        ([0xFF], 1),  // never valid
        ([0x80], 1),  // a continuation byte first
        ([0xC0, 0xAF], 1),  // an overlong "/"
        ([0xE0, 0x80, 0xAF], 1),  // an overlong three-byte form
        ([0xED, 0xA0, 0x80], 1),  // a UTF-16 surrogate encoded in UTF-8
        ([0xF4, 0x90, 0x80, 0x80], 1),  // beyond U+10FFFF
        ([0xE2, 0x82], 1),  // cut short by the closing quote
        ([0x61, 0xC3], 2),  // cut short by the end
    ]

    @Test(arguments: invalidUTF8)
    func invalidUTF8IsRefused(bytes: [UInt8], offset: Int) throws {
        let failure = try #require(decodingFailure(String.self, bytes: [0x22] + bytes + [0x22]))
        #expect(failure.kind == .dataCorrupted)
        #expect(failure.message.contains("UTF-8"), "\(failure.message)")
        #expect(failure.message.hasSuffix("at byte offset \(offset)."), "\(failure.message)")
    }

    @Test func invalidUTF8IsRefusedEvenWhereNothingReadsIt() throws {
        // Foundation lets this through because it never reads "b"; we check the whole input first.
        struct OnlyA: Decodable { var a: Int }
        let json = Array(#"{"a":1,"b":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(decodingFailure(OnlyA.self, bytes: json)?.kind == .dataCorrupted)
    }

    @Test func validMultibyteUTF8Passes() throws {
        #expect(try decode(String.self, #""é ሴ 😀 \u00e9""#) == "é ሴ 😀 é")
        #expect(try decode(String.self, bytes: [0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]) == "\u{10FFFF}")
    }

    @Test func nestingIsLimitedTo512Levels() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        }
        #expect(decodingFailure(JSONTree.self, nested(512)) == nil)
        let failure = try #require(decodingFailure(JSONTree.self, nested(513)))
        #expect(failure.kind == .dataCorrupted)
        #expect(failure.message.contains("more than 512 nested arrays and objects at byte offset 512"))
        // Far deeper input fails the same way instead of exhausting the stack.
        #expect(decodingFailure(JSONTree.self, String(repeating: #"{"a":"#, count: 100_000))?.kind == .dataCorrupted)
    }

    @Test func missingKeyIsKeyNotFoundAtTheContainersPath() throws {
        let failure = try #require(decodingFailure(Pet.self, #"""
            {"name":"Rex","species":"dog","age":3,"tags":[],"owner":{"email":"x"},"available":true,"price":1}
            """#))
        #expect(failure == .expected(.keyNotFound("id"), ["owner"]))
        #expect(failure.message == #"No value associated with key "id"."#)
    }

    @Test func nullWhereAValueIsRequiredIsValueNotFound() throws {
        let failure = try #require(decodingFailure(Pet.self, #"""
            {"name":null,"species":"dog","age":3,"tags":[],"available":true,"price":1}
            """#))
        #expect(failure == .expected(.valueNotFound, ["name"]))
        #expect(failure.message == "Expected to decode String but found null instead.")
        #expect(decodingFailure([Int].self, "[1,null]") == .expected(.valueNotFound, ["[1]"]))
        #expect(decodingFailure(Pet.self, "null") == .expected(.valueNotFound, []))
        #expect(decodingFailure([String].self, "null") == .expected(.valueNotFound, []))
    }

    @Test func wrongKindOfValueIsTypeMismatchWithThePath() throws {
        let failure = try #require(decodingFailure([Pet.Owner].self, #"[{"id":"a"},{"id":7}]"#))
        #expect(failure == .expected(.typeMismatch, ["[1]", "id"]))
        #expect(failure.message == "Expected to decode String but found a number instead.")
        #expect(decodingFailure(Int.self, #""1""#)?.message == "Expected to decode Int but found a string instead.")
        #expect(decodingFailure(Bool.self, "1")?.message == "Expected to decode Bool but found a number instead.")
        #expect(decodingFailure(Double.self, "true")?.message == "Expected to decode Double but found a boolean instead.")
        #expect(decodingFailure(Pet.self, "[]")?.message
            == "Expected to decode Dictionary<String, Any> but found an array instead.")
        #expect(decodingFailure([Int].self, "{}")?.message == "Expected to decode Array<Int> but found an object instead.")
        #expect(decodingFailure([Pet].self, "{}")?.message == "Expected to decode Array<Any> but found an object instead.")
        #expect(decodingFailure([String: [Int]].self, #"{"x":[1,"a"]}"#) == .expected(.typeMismatch, ["x", "[1]"]))
    }

    @Test func numberThatDoesNotFitIsDataCorruptedWithThePath() throws {
        struct Small: Decodable { var value: Int8 }
        let failure = try #require(decodingFailure(Small.self, #"{"value":300}"#))
        #expect(failure == .expected(.dataCorrupted, ["value"]))
        #expect(failure.message == "Parsed JSON number <300> does not fit in Int8.")
        #expect(decodingFailure([Int].self, "[1,1.5]")?.message == "Parsed JSON number <1.5> does not fit in Int.")
        #expect(decodingFailure([Int].self, "[1,1.5]") == .expected(.dataCorrupted, ["[1]"]))
    }

    @Test func errorsInsideEnumsWithAssociatedValuesHaveFullPaths() throws {
        let failure = try #require(decodingFailure([Event].self, #"[{"removed":{}},{"adopted":{"petID":1,"by":"u"}}]"#))
        #expect(failure == .expected(.typeMismatch, ["[1]", "adopted", "petID"]))
    }
}
