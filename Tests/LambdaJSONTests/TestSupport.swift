import Foundation
import LambdaJSON
import Testing

func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try LambdaJSONDecoder().decode(type, from: Array(json.utf8))
}

func decode<T: Decodable>(_ type: T.Type, bytes: [UInt8]) throws -> T {
    try LambdaJSONDecoder().decode(type, from: bytes)
}

func encode<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try LambdaJSONEncoder().encode(value), as: UTF8.self)
}

func foundationDecode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}

/// Foundation's output with its escaped slashes unescaped, the one difference we chose.
func foundationEncode<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
}

/// What a test checks about a `DecodingError`: which case, the coding path, and the message.
struct DecodingFailure: Equatable, CustomStringConvertible {
    enum Kind: Equatable { case dataCorrupted, keyNotFound(String), valueNotFound, typeMismatch }

    let kind: Kind
    /// The coding path as text: keys by name, array positions as `[n]`.
    let path: [String]
    let message: String

    init(_ error: DecodingError) {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c): (kind, context) = (.dataCorrupted, c)
        case .keyNotFound(let key, let c): (kind, context) = (.keyNotFound(key.stringValue), c)
        case .valueNotFound(_, let c): (kind, context) = (.valueNotFound, c)
        case .typeMismatch(_, let c): (kind, context) = (.typeMismatch, c)
        @unknown default: fatalError("a DecodingError case this test does not know")
        }
        path = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
        message = context.debugDescription
    }

    static func == (lhs: DecodingFailure, rhs: DecodingFailure) -> Bool {
        lhs.kind == rhs.kind && lhs.path == rhs.path
    }

    var description: String { "\(kind) at \(path): \(message)" }
}

/// The failure decoding `json` as `T` gives, or nil if it decodes.
func decodingFailure<T: Decodable>(_ type: T.Type, _ json: String) -> DecodingFailure? {
    decodingFailure(type, bytes: Array(json.utf8))
}

func decodingFailure<T: Decodable>(_ type: T.Type, bytes: [UInt8]) -> DecodingFailure? {
    failure { _ = try LambdaJSONDecoder().decode(type, from: bytes) }
}

func foundationDecodingFailure<T: Decodable>(_ type: T.Type, _ json: String) -> DecodingFailure? {
    failure { _ = try JSONDecoder().decode(type, from: Data(json.utf8)) }
}

/// The `DecodingError` that `decode` throws, or nil when it decodes.
private func failure(_ decode: () throws -> Void) -> DecodingFailure? {
    do {
        try decode()
        return nil
    } catch let error as DecodingError {
        return DecodingFailure(error)
    } catch {
        Issue.record("not a DecodingError: \(error)")
        return nil
    }
}

/// Any JSON value, compared without regard to the order of object members. `parse` reads it with Foundation, so
/// tests can compare our encoder's output with Foundation's when Foundation orders members at random; it also
/// serves as "any valid document" for our decoder.
indirect enum JSONTree: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONTree]), object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if let value = try? single.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try single.decode([String: JSONTree].self))
        }
    }

    static func parse(_ json: String) throws -> JSONTree {
        try JSONDecoder().decode(JSONTree.self, from: Data(json.utf8))
    }
}

// MARK: - Fixtures

struct Pet: Codable, Equatable {
    struct Owner: Codable, Equatable {
        var id: String
        var email: String?
    }

    enum Species: String, Codable { case dog, cat, rabbit }

    var name: String
    var species: Species
    var age: Int
    var tags: [String]
    var owner: Owner?
    var available: Bool
    var price: Double
}

/// Synthesized Codable for an enum with associated values nests keyed containers, so it exercises
/// `nestedContainer` and coding paths through them.
enum Event: Codable, Equatable {
    case adopted(petID: String, by: String)
    case priced(Double)
    case removed
}

struct Everything: Codable, Equatable {
    var bool: Bool
    var string: String
    var double: Double
    var float: Float
    var int: Int
    var int8: Int8
    var int16: Int16
    var int32: Int32
    var int64: Int64
    var uint: UInt
    var uint8: UInt8
    var uint16: UInt16
    var uint32: UInt32
    var uint64: UInt64
    var int128: Int128
    var uint128: UInt128
    var optional: Int?
    var missing: String?
    var nested: [[Int]]
    var dictionary: [String: [Double]]
    var intKeys: [Int: String]
    var set: Set<String>
    var events: [Event]
    var pets: [Pet]

    static let example = Everything(
        bool: true, string: "héllo \"world\"\n", double: -12.75, float: 0.1, int: -42, int8: -128, int16: 32767,
        int32: -2_147_483_648, int64: 9_223_372_036_854_775_807, uint: 7, uint8: 255, uint16: 65535,
        uint32: 4_294_967_295, uint64: 18_446_744_073_709_551_615, int128: Int128.min, uint128: UInt128.max,
        optional: nil, missing: nil, nested: [[], [1], [2, 3]], dictionary: ["a": [1.5, -0.0], "": []],
        intKeys: [1: "one", -2: "minus two"], set: ["x"],
        events: [.adopted(petID: "p-1", by: "u-1"), .priced(9.99), .removed],
        pets: [Pet(name: "Rex", species: .dog, age: 3, tags: ["a", "b"], owner: Pet.Owner(id: "u-1", email: nil),
                   available: true, price: 12.5)])
}
