/// The `Decoder` handed to each `init(from:)`: a value on the tape and the path to it.
///
/// It is three words, so passing it as `any Decoder` does not allocate, and it is its own single-value container.
struct JSONDecoderImpl: Decoder {
    let tape: JSONTape
    let token: Int
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.kind(at: token) == .object else {
            throw DecodingError.mismatch([String: Any].self, found: tape.kind(at: token), at: codingPath)
        }
        return KeyedDecodingContainer(KeyedJSONDecodingContainer(tape: tape, object: token, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.kind(at: token) == .array else {
            throw DecodingError.mismatch([Any].self, found: tape.kind(at: token), at: codingPath)
        }
        return UnkeyedJSONDecodingContainer(tape: tape, array: token, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        self
    }

    /// The literal text of the number here, for `JSONNumber`.
    func numberLiteral() throws -> String {
        guard tape.kind(at: token) == .number else {
            throw DecodingError.mismatch(JSONNumber.self, found: tape.kind(at: token), at: codingPath)
        }
        return tape.literal(at: token)
    }
}

extension JSONDecoderImpl: SingleValueDecodingContainer {
    func decodeNil() -> Bool { tape.kind(at: token) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    func decode(_ type: String.Type) throws -> String { try scalar(type) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    func decode(_ type: Int128.Type) throws -> Int128 { try scalar(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }
    func decode(_ type: UInt128.Type) throws -> UInt128 { try scalar(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try tape.decode(type, at: token, path: path)
    }

    private func scalar<T: JSONScalar>(_ type: T.Type) throws -> T {
        try tape.decodeScalar(type, at: token, path: codingPath)
    }
}
