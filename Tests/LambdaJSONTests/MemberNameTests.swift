import LambdaJSON
import Testing

/// One rule for object member names at every object size (RFC 8259 section 8.3): names are equal when their
/// Unicode scalars are, after unescaping, so `"\u00e9"` and `"é"` are one name and `"e\u0301"` another, though
/// Swift's `String ==` calls all three equal. Repeated names: the first wins.
@Suite struct MemberNameTests {
    /// Objects of up to 32 members are searched in place, larger ones through an index; both sides of that line.
    static let sizes = [1, 32, 33, 1_000]

    static let precomposed = "\u{E9}"
    static let decomposed = "e\u{301}"

    struct Precomposed: Codable, Equatable {
        var value: Int
        enum CodingKeys: String, CodingKey { case value = "\u{E9}" }
    }

    struct Decomposed: Codable, Equatable {
        var value: Int
        enum CodingKeys: String, CodingKey { case value = "e\u{301}" }
    }

    struct Quoted: Codable, Equatable {
        var value: Int
        enum CodingKeys: String, CodingKey { case value = "a\"b" }
    }

    /// An object with `members` (JSON text, escapes and all) first, then `p0`, `p1`... to `size` members.
    static func object(_ members: [String], size: Int) -> String {
        let padding = (0..<max(0, size - members.count)).map { "\"p\($0)\":0" }
        return "{" + (members + padding).joined(separator: ",") + "}"
    }

    @Test(arguments: sizes) func anEscapedOrRawNameMatchesTheSameScalarsOnly(size: Int) throws {
        for spelling in [#""\u00e9":7"#, "\"\u{E9}\":7", #""\u00E9":7"#] {
            let json = Self.object([spelling], size: size)
            #expect(try decode(Precomposed.self, json) == Precomposed(value: 7), "\(spelling)")
            #expect(decodingFailure(Decomposed.self, json)?.kind == .keyNotFound(Self.decomposed), "\(spelling)")
        }
        let quoted = Self.object([#""a\"b":7"#], size: size)
        #expect(try decode(Quoted.self, quoted) == Quoted(value: 7))
        #expect(try decode([String: Int].self, quoted)["a\"b"] == 7)
    }

    @Test(arguments: sizes) func canonicallyEquivalentNamesAreTwoMembers(size: Int) throws {
        let json = Self.object([#""\u00e9":1"#, #""e\u0301":2"#], size: size)
        #expect(try decode(Precomposed.self, json) == Precomposed(value: 1))
        #expect(try decode(Decomposed.self, json) == Decomposed(value: 2))
        let reversed = Self.object([#""e\u0301":2"#, "\"\u{E9}\":1"], size: size)
        #expect(try decode(Precomposed.self, reversed) == Precomposed(value: 1))
        #expect(try decode(Decomposed.self, reversed) == Decomposed(value: 2))
    }

    @Test(arguments: sizes) func theFirstOfRepeatedNamesWins(size: Int) throws {
        // The same scalars, spelled three ways.
        let json = Self.object([#""\u00e9":1"#, "\"\u{E9}\":2", #""\u00E9":3"#], size: size)
        #expect(try decode(Precomposed.self, json) == Precomposed(value: 1))
        let quoted = Self.object([#""a\"b":1"#, #""a\u0022b":2"#], size: size)
        #expect(try decode(Quoted.self, quoted) == Quoted(value: 1))
        let dictionary = try decode([String: Int].self, quoted)
        #expect(dictionary["a\"b"] == 1)
        #expect(dictionary.count == max(size, 2) - 1)
    }

    /// A `[String: _]` cannot hold two canonically equivalent keys: it keeps the first member, its spelling and
    /// its value, as it does for a repeated name.
    @Test(arguments: sizes) func aDictionaryKeepsTheFirstOfCanonicallyEquivalentNames(size: Int) throws {
        for (first, second, firstSpelling) in [
            (#""\u00e9":1"#, #""e\u0301":2"#, Self.precomposed),
            (#""e\u0301":1"#, #""\u00e9":2"#, Self.decomposed),
        ] {
            let dictionary = try decode([String: Int].self, Self.object([first, second], size: size))
            #expect(dictionary[Self.precomposed] == 1, "\(first) \(second)")
            #expect(dictionary.count == max(size, 2) - 1)
            let key = try #require(dictionary.keys.first { $0 == Self.precomposed })
            #expect(Array(key.unicodeScalars) == Array(firstSpelling.unicodeScalars))
        }
    }

    /// The encoder's rule is the decoder's: canonically equivalent keys are two members; a key encoded twice is one,
    /// written where it was first encoded with the value it was last given.
    @Test(arguments: sizes) func theEncoderComparesKeysByScalars(size: Int) throws {
        struct Members: Encodable {
            let size: Int
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: JSONKey.self)
                try container.encode(1, forKey: JSONKey(MemberNameTests.precomposed))
                guard size > 1 else { return }
                try container.encode(2, forKey: JSONKey(MemberNameTests.decomposed))
                try container.encode(3, forKey: JSONKey("a\"b"))
                for index in 0..<max(0, size - 3) { try container.encode(0, forKey: JSONKey("p\(index)")) }
                try container.encode(4, forKey: JSONKey(MemberNameTests.precomposed))
                try container.encode(5, forKey: JSONKey("a\"b"))
            }
        }
        let expected = size == 1
            ? "{\"\u{E9}\":1}"
            : Self.object(["\"\u{E9}\":4", "\"e\u{301}\":2", #""a\"b":5"#], size: size)
        let encoded = try LambdaJSONEncoder().encode(Members(size: size))
        #expect(encoded == Array(expected.utf8))
        if size > 1 {
            #expect(try LambdaJSONDecoder().decode(Decomposed.self, from: encoded) == Decomposed(value: 2))
            #expect(try LambdaJSONDecoder().decode(Precomposed.self, from: encoded) == Precomposed(value: 4))
        }
    }

    struct JSONKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
