import LambdaJSON
import Testing

@Suite struct DecodingTests {
    @Test func decodesAnEvent() throws {
        let json = #"""
            { "name": "Rex", "species": "dog", "age": 3, "tags": ["a", "b"],
              "owner": {"id": "u-1", "email": "a@b.c"}, "available": true, "price": 12.5 }
            """#
        let pet = try decode(Pet.self, json)
        #expect(pet == Pet(name: "Rex", species: .dog, age: 3, tags: ["a", "b"],
                           owner: Pet.Owner(id: "u-1", email: "a@b.c"), available: true, price: 12.5))
    }

    @Test func roundTripsEveryKindOfValue() throws {
        let bytes = try LambdaJSONEncoder().encode(Everything.example)
        #expect(try LambdaJSONDecoder().decode(Everything.self, from: bytes) == Everything.example)
    }

    @Test func optionalsAreNilWhenMissingOrNull() throws {
        struct Optionals: Decodable, Equatable {
            var missing: Int?
            var null: String?
            var present: [Int]?
            var nestedNull: Pet.Owner?
        }
        let value = try decode(Optionals.self, #"{"null": null, "present": [1], "nestedNull": null}"#)
        #expect(value == Optionals(missing: nil, null: nil, present: [1], nestedNull: nil))
    }

    @Test func topLevelScalars() throws {
        #expect(try decode(Int.self, " 42 ") == 42)
        #expect(try decode(String.self, #""x""#) == "x")
        #expect(try decode(Bool.self, "false") == false)
        #expect(try decode(Double.self, "-1.5e3") == -1500)
        #expect(try decode(Int?.self, "null") == nil)
        #expect(try decode([Int?].self, "[1,null]") == [1, nil])
    }

    @Test func whitespaceAndByteOrderMarkAreSkipped() throws {
        #expect(try decode([Int].self, " \t\r\n[ 1 ,\n2 ] \n") == [1, 2])
        #expect(try decode(Int.self, bytes: [0xEF, 0xBB, 0xBF] + Array("7".utf8)) == 7)
    }

    @Test func dictionariesWithStringAndIntKeys() throws {
        #expect(try decode([String: Int].self, #"{"a":1,"b":2}"#) == ["a": 1, "b": 2])
        #expect(try decode([Int: String].self, #"{"1":"x","-2":"y"}"#) == [1: "x", -2: "y"])
        #expect(try decode([String: [String: Bool]].self, #"{"a":{"b":true}}"#) == ["a": ["b": true]])
        #expect(decodingFailure([Int: String].self, #"{"x":"y"}"#)?.kind == .typeMismatch)
    }

    @Test func theFirstOfRepeatedKeysWinsAsInFoundation() throws {
        struct One: Decodable { var a: Int }
        #expect(try decode(One.self, #"{"a":1,"a":2}"#).a == 1)
        #expect(try decode([String: Int].self, #"{"a":1,"b":2,"a":3}"#) == ["a": 1, "b": 2])
        // Objects above 32 members are searched through an index; it must agree.
        let many = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let large = try decode([String: Int].self, "{\(many),\"k3\":99}")
        #expect(large.count == 40)
        #expect(large["k3"] == 3)
    }

    @Test func escapedKeysMatch() throws {
        struct Keys: Decodable, Equatable {
            var name: String
            var quoted: Int
            enum CodingKeys: String, CodingKey { case name, quoted = "a\"b" }
        }
        #expect(try decode(Keys.self, #"{"n\u0061me":"x","a\"b":2}"#) == Keys(name: "x", quoted: 2))
    }

    @Test func enumsWithAssociatedValues() throws {
        let events = try decode([Event].self, #"[{"adopted":{"petID":"p","by":"u"}},{"priced":{"_0":1.5}},{"removed":{}}]"#)
        #expect(events == [.adopted(petID: "p", by: "u"), .priced(1.5), .removed])
    }

    @Test func keyedContainerAnswersWhatItHolds() throws {
        enum Key: String, CodingKey { case a, b, c, missing }
        struct Probe: Decodable {
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Key.self)
                // Unknown keys ("z") are left out, and a repeated key is listed once.
                #expect(container.allKeys.map(\.stringValue) == ["a", "b", "c"])
                #expect(container.contains(.a))
                #expect(!container.contains(.missing))
                #expect(try container.decodeNil(forKey: .b))
                #expect(try !container.decodeNil(forKey: .a))
                #expect(throws: DecodingError.self) { try container.decodeNil(forKey: .missing) }
                #expect(try container.decodeIfPresent(Int.self, forKey: .missing) == nil)
                #expect(try container.decodeIfPresent(Int.self, forKey: .b) == nil)
                #expect(try container.decodeIfPresent(Int.self, forKey: .a) == 1)
                #expect(try container.decodeIfPresent([Int].self, forKey: .c) == [2])
                #expect(container.codingPath.isEmpty)
            }
        }
        _ = try decode(Probe.self, #"{"a":1,"b":null,"z":0,"c":[2],"a":5}"#)
    }

    @Test func nestedContainersAndTheirPaths() throws {
        enum Key: String, CodingKey { case outer, list }
        enum Inner: String, CodingKey { case value }
        struct Probe: Decodable {
            var value: Int
            var list: [String]
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Key.self)
                let outer = try container.nestedContainer(keyedBy: Inner.self, forKey: .outer)
                #expect(outer.codingPath.map(\.stringValue) == ["outer"])
                value = try outer.decode(Int.self, forKey: .value)
                var list = try container.nestedUnkeyedContainer(forKey: .list)
                #expect(list.codingPath.map(\.stringValue) == ["list"])
                #expect(list.count == 2)
                self.list = [try list.decode(String.self), try list.decode(String.self)]
                #expect(list.isAtEnd)
            }
        }
        let probe = try decode(Probe.self, #"{"outer":{"value":7},"list":["x","y"]}"#)
        #expect(probe.value == 7)
        #expect(probe.list == ["x", "y"])
        #expect(decodingFailure(Probe.self, #"{"list":[]}"#) == DecodingFailure.expected(.keyNotFound("outer"), []))
        #expect(decodingFailure(Probe.self, #"{"outer":null}"#) == DecodingFailure.expected(.valueNotFound, ["outer"]))
        #expect(decodingFailure(Probe.self, #"{"outer":[]}"#) == DecodingFailure.expected(.typeMismatch, ["outer"]))
        #expect(decodingFailure(Probe.self, #"{"outer":{"value":1},"list":{}}"#)
            == DecodingFailure.expected(.typeMismatch, ["list"]))
    }

    @Test func superDecodersReadTheKeyOrNull() throws {
        enum Key: String, CodingKey { case parent, absent }
        struct Probe: Decodable {
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Key.self)
                let superDecoder = try container.superDecoder()
                #expect(superDecoder.codingPath.map(\.stringValue) == ["super"])
                #expect(try superDecoder.singleValueContainer().decode(Int.self) == 1)
                let parent = try container.superDecoder(forKey: .parent)
                #expect(try parent.container(keyedBy: Key.self).decode(String.self, forKey: .parent) == "p")
                // As in Foundation, a super decoder for a missing key decodes null instead of failing.
                let absent = try container.superDecoder(forKey: .absent)
                #expect(absent.codingPath.map(\.stringValue) == ["absent"])
                #expect(try absent.singleValueContainer().decodeNil())
            }
        }
        _ = try decode(Probe.self, #"{"super":1,"parent":{"parent":"p"}}"#)
    }

    @Test func unkeyedContainerWalksElements() throws {
        enum OwnerKey: String, CodingKey { case id }
        struct Probe: Decodable {
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                #expect(container.count == 5)
                #expect(container.currentIndex == 0)
                // decodeNil moves on only past a null.
                #expect(try !container.decodeNil())
                #expect(container.currentIndex == 0)
                // A failed decode stays put, so another type can be tried.
                #expect(throws: DecodingError.self) { try container.decode(String.self) }
                #expect(try container.decode(Int.self) == 1)
                #expect(try container.decodeNil())
                #expect(container.currentIndex == 2)
                var nested = try container.nestedUnkeyedContainer()
                #expect(nested.codingPath.map { $0.intValue } == [2])
                #expect(try nested.decode(Bool.self))
                let object = try container.nestedContainer(keyedBy: OwnerKey.self)
                #expect(try object.decode(String.self, forKey: .id) == "u")
                let superDecoder = try container.superDecoder()
                #expect(superDecoder.codingPath.map { $0.intValue } == [4])
                #expect(try superDecoder.singleValueContainer().decode(String.self) == "last")
                #expect(container.isAtEnd)
                #expect(container.currentIndex == 5)
                let failure = DecodingFailure(try #require(throws: DecodingError.self) { try container.decode(Int.self) })
                #expect(failure == .expected(.valueNotFound, ["[5]"]))
                #expect(failure.message == "Unkeyed container is at end.")
                #expect(throws: DecodingError.self) { try container.decodeNil() }
                #expect(try container.decodeIfPresent(Int.self) == nil)
            }
        }
        _ = try decode(Probe.self, #"[1, null, [true], {"id":"u"}, "last"]"#)
    }

    @Test func singleValueContainerDecodesInPlace() throws {
        struct Wrapper: Decodable, Equatable {
            var pet: Pet.Owner
            init(from decoder: any Decoder) throws {
                pet = try decoder.singleValueContainer().decode(Pet.Owner.self)
            }
        }
        #expect(try decode(Wrapper.self, #"{"id":"x"}"#).pet == Pet.Owner(id: "x", email: nil))
        #expect(try decode([Wrapper].self, #"[{"id":"x"}]"#).count == 1)
    }

    @Test func codingPathsReachNestedDecoders() throws {
        struct Leaf: Decodable {
            var path: [String]
            init(from decoder: any Decoder) throws {
                path = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            }
        }
        struct Root: Decodable { var items: [String: [Leaf]] }
        let root = try decode(Root.self, #"{"items":{"k":[0, 1]}}"#)
        #expect(root.items["k"]?.map(\.path) == [["items", "k", "[0]"], ["items", "k", "[1]"]])
    }

    @Test func arraysOfScalarsAndOfValues() throws {
        #expect(try decode([String].self, #"["a","b"]"#) == ["a", "b"])
        #expect(try decode([Int].self, "[]") == [])
        #expect(try decode([Double].self, "[1,2.5]") == [1, 2.5])
        #expect(try decode([Float].self, "[0.1]") == [0.1])
        #expect(try decode([Bool].self, "[true,false]") == [true, false])
        #expect(try decode([[String]].self, #"[["a"],[]]"#) == [["a"], []])
        #expect(try decode(Set<Int>.self, "[3,1,3]") == [1, 3])
        #expect(try decode([String?].self, #"["a",null]"#) == ["a", nil])
    }
}

extension DecodingFailure {
    /// A failure to compare against: equality looks at the case and the path only.
    static func expected(_ kind: Kind, _ path: [String]) -> DecodingFailure {
        DecodingFailure(kind: kind, path: path)
    }

    private init(kind: Kind, path: [String]) {
        let context = DecodingError.Context(codingPath: path.map(TestKey.init), debugDescription: "")
        switch kind {
        case .dataCorrupted: self.init(.dataCorrupted(context))
        case .keyNotFound(let key): self.init(.keyNotFound(TestKey(key), context))
        case .valueNotFound: self.init(.valueNotFound(Any.self, context))
        case .typeMismatch: self.init(.typeMismatch(Any.self, context))
        }
    }
}

/// A key written as it appears in `DecodingFailure.path`: `[n]` for an array position.
struct TestKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ text: String) {
        if text.hasPrefix("["), let index = Int(text.dropFirst().dropLast()) {
            stringValue = "Index \(index)"
            intValue = index
        } else {
            stringValue = text
            intValue = nil
        }
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init("[\(intValue)]") }
}
