import LambdaJSON
import Testing

@Suite struct EncodingTests {
    @Test func writesCompactJSONWithKeysInEncodingOrder() throws {
        let pet = Pet(name: "Rex", species: .dog, age: 3, tags: ["a", "b"], owner: Pet.Owner(id: "u-1", email: "a@b.c"),
                      available: true, price: 12.5)
        #expect(try encode(pet) == #"""
            {"name":"Rex","species":"dog","age":3,"tags":["a","b"],"owner":{"id":"u-1","email":"a@b.c"},"available":true,"price":12.5}
            """#)
    }

    @Test func nilOptionalsAreLeftOutAndEncodeNilWritesNull() throws {
        #expect(try encode(Pet.Owner(id: "u", email: nil)) == #"{"id":"u"}"#)
        struct Nulls: Encodable {
            enum CodingKeys: CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeNil(forKey: .a)
                try container.encode(Int?.none, forKey: .b)
            }
        }
        #expect(try encode(Nulls()) == #"{"a":null,"b":null}"#)
        #expect(try encode([Int?.none, 1]) == "[null,1]")
    }

    @Test func topLevelScalars() throws {
        #expect(try encode(1) == "1")
        #expect(try encode("s") == #""s""#)
        #expect(try encode(true) == "true")
        #expect(try encode(Int?.none) == "null")
        #expect(try encode(-2.5) == "-2.5")
        #expect(try encode([String]()) == "[]")
        #expect(try encode([String: Int]()) == "{}")
    }

    @Test func encodingAKeyAgainReplacesItsValueInPlace() throws {
        struct Twice: Encodable {
            enum CodingKeys: CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(1, forKey: .a)
                try container.encode(2, forKey: .b)
                try container.encode("three", forKey: .a)
            }
        }
        #expect(try encode(Twice()) == #"{"a":"three","b":2}"#)

        // A subclass and its superclass that share one container, each encoding "id".
        final class Base: Encodable {
            enum CodingKeys: CodingKey { case id, kind }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode("base", forKey: .id)
                try container.encode("base", forKey: .kind)
            }
        }
        struct Derived: Encodable {
            enum CodingKeys: CodingKey { case id, extra }
            func encode(to encoder: any Encoder) throws {
                try Base().encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode("derived", forKey: .id)
                try container.encode(1, forKey: .extra)
            }
        }
        #expect(try encode(Derived()) == #"{"id":"derived","kind":"base","extra":1}"#)
    }

    @Test func repeatedKeysInLargeObjectsAreReplacedToo() throws {
        struct Many: Encodable {
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                for index in 0..<40 { try container.encode(index, forKey: Key(stringValue: "k\(index)")) }
                try container.encode(-1, forKey: Key(stringValue: "k5"))
            }
        }
        let json = try encode(Many())
        let expected = (0..<40).map { "\"k\($0)\":\($0 == 5 ? -1 : $0)" }.joined(separator: ",")
        #expect(json == "{\(expected)}")
    }

    @Test func nestedContainersCanBeFilledAfterTheirSiblings() throws {
        struct Interleaved: Encodable {
            enum CodingKeys: CodingKey { case first, nested, list, last }
            enum Inner: CodingKey { case value }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                var nested = container.nestedContainer(keyedBy: Inner.self, forKey: .nested)
                var list = container.nestedUnkeyedContainer(forKey: .list)
                try container.encode(1, forKey: .first)
                try list.encode("x")
                try container.encode(2, forKey: .last)
                try nested.encode(true, forKey: .value)
                try list.encode("y")
                #expect(nested.codingPath.map(\.stringValue) == ["nested"])
                #expect(list.count == 2)
            }
        }
        #expect(try encode(Interleaved()) == #"{"nested":{"value":true},"list":["x","y"],"first":1,"last":2}"#)
    }

    @Test func superEncoders() throws {
        struct WithSuper: Encodable {
            enum CodingKeys: CodingKey { case own, parent }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                let superEncoder = container.superEncoder()
                let parentEncoder = container.superEncoder(forKey: .parent)
                try container.encode(1, forKey: .own)
                try Pet.Owner(id: "s", email: nil).encode(to: superEncoder)
                #expect(parentEncoder.codingPath.map(\.stringValue) == ["parent"])
                var unkeyed = parentEncoder.unkeyedContainer()
                let element = unkeyed.superEncoder()
                try unkeyed.encode(2)
                var single = element.singleValueContainer()
                try single.encode("first")
                #expect(element.codingPath.map(\.stringValue) == ["parent", "Index 0"])
            }
        }
        #expect(try encode(WithSuper()) == #"{"super":{"id":"s"},"parent":["first",2],"own":1}"#)
    }

    @Test func aValueThatEncodesNothingIsAnEmptyObject() throws {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        struct Holder: Encodable { var a = Nothing(); var b = [Nothing(), Nothing()]; var c = ["k": Nothing()] }
        #expect(try encode(Holder()) == #"{"a":{},"b":[{},{}],"c":{"k":{}}}"#)
        // At the top level Foundation refuses it, and so do we.
        let error = try #require(throws: EncodingError.self) { try encode(Nothing()) }
        guard case .invalidValue(_, let context) = error else { Issue.record("\(error)"); return }
        #expect(context.debugDescription == "Top-level Nothing did not encode any values.")
    }

    @Test func aValueThatFailsToEncodeLeavesNoTrace() throws {
        // Types may catch an encoding error and go on; as in Foundation, the failed value is not in the output.
        struct Forgiving: Encodable {
            enum CodingKeys: CodingKey { case a, b, c }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try? container.encode(Double.nan, forKey: .a)
                try? container.encode([Double.nan], forKey: .c)
                try container.encode(1, forKey: .b)
                var list = container.nestedUnkeyedContainer(forKey: .c)
                try? list.encode(Double.nan)
                try? list.encode([1, Double.nan])
                try list.encode(2)
                #expect(list.count == 1)
            }
        }
        #expect(try encode(Forgiving()) == #"{"b":1,"c":[2]}"#)
        #expect(try JSONTree.parse(encode(Forgiving())) == JSONTree.parse(foundationEncode(Forgiving())))
    }

    @Test func deeplyNestedEmptyContainers() throws {
        // Each level adds brackets, a colon and a comma around very little text: the output must still fit.
        struct Level: Encodable {
            var depth: Int
            enum CodingKeys: CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                _ = container.nestedUnkeyedContainer(forKey: .a)
                if depth > 0 { try container.encode(Level(depth: depth - 1), forKey: .b) }
            }
        }
        var expected = #"{"a":[]}"#
        for _ in 0..<200 { expected = #"{"a":[],"b":"# + expected + "}" }
        #expect(try encode(Level(depth: 200)) == expected)
        #expect(try encode([[[[String]]]](repeating: [[[]], []], count: 3)) == "[[[[]],[]],[[[]],[]],[[[]],[]]]")
    }

    @Test func dictionariesWithIntKeysUseTheirText() throws {
        #expect(try encode([1: "a"]) == #"{"1":"a"}"#)
        #expect(try encode(["k": [1, 2]]) == #"{"k":[1,2]}"#)
    }

    @Test func enumsWithAssociatedValues() throws {
        #expect(try encode([Event.adopted(petID: "p", by: "u"), .priced(1.5), .removed])
            == #"[{"adopted":{"petID":"p","by":"u"}},{"priced":{"_0":1.5}},{"removed":{}}]"#)
    }

    @Test func encodersReportTheirCodingPath() throws {
        struct Leaf: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(encoder.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/"))
            }
        }
        struct Root: Encodable { var items: [String: [Leaf]] }
        #expect(try encode(Root(items: ["k": [Leaf(), Leaf()]])) == #"{"items":{"k":["items/k/0","items/k/1"]}}"#)
    }
}
