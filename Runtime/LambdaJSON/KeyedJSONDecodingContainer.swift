/// Decodes an object's members by key.
struct KeyedJSONDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let tape: JSONTape
    let object: Int
    // Few fields, few references: the standard library copies this struct for every call through
    // `KeyedDecodingContainer`, retaining each reference.
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }

    /// Each name once, at its first member, in document order.
    ///
    /// A key is a `String`, and two canonically equivalent names (`"\u00e9"`, `"e\u0301"`) are one `String`: a
    /// `[String: _]`, which Swift decodes by assigning each of `allKeys` in turn, cannot hold both. So a name
    /// canonically equivalent to an earlier one is left out, and such a dictionary gets the first member, as it
    /// does for a repeated name, at every object size. A type that knows both spellings can still decode each by
    /// its key: lookups compare scalars (see `MemberName`).
    var allKeys: [Key] {
        var listed = Set<String>()
        return tape.members(of: object).compactMap { member in
            let name = tape.string(at: member.key)
            guard listed.insert(name).inserted else { return nil }
            return Key(stringValue: name)
        }
    }

    func contains(_ key: Key) -> Bool {
        value(forName: key.stringValue) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        tape.kind(at: try value(forKey: key)) == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(type, forKey: key) }
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try scalar(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(type, forKey: key) }
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try scalar(type, forKey: key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try tape.decode(type, at: value(forKey: key), path: path.appending(key))
    }

    // The protocol's own `decodeIfPresent` would look the key up three times (contains, decodeNil, decode).
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int128.Type, forKey key: Key) throws -> Int128? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try scalarIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt128.Type, forKey key: Key) throws -> UInt128? {
        try scalarIfPresent(type, forKey: key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = presentValue(forKey: key) else { return nil }
        return try tape.decode(type, at: value, path: path.appending(key))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(at: value(forKey: key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(at: value(forKey: key), key: key).unkeyedContainer()
    }

    // A super decoder for a missing key decodes null rather than failing, as Foundation's does.
    func superDecoder() throws -> any Decoder {
        decoder(at: value(forName: JSONKey.super.stringValue) ?? tape.absentValue, key: JSONKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder(at: value(forName: key.stringValue) ?? tape.absentValue, key: key)
    }

    private func decoder(at value: Int, key: any CodingKey) -> JSONDecoderImpl {
        JSONDecoderImpl(tape: tape, token: value, path: path.appending(key))
    }

    private func scalar<T: JSONScalar>(_ type: T.Type, forKey key: Key) throws -> T {
        try tape.decodeScalar(type, at: value(forKey: key), path: path.keys(appending: key))
    }

    private func scalarIfPresent<T: JSONScalar>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = presentValue(forKey: key) else { return nil }
        return try tape.decodeScalar(type, at: value, path: path.keys(appending: key))
    }

    private func value(forKey key: Key) throws -> Int {
        guard let value = value(forName: key.stringValue) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \"\(key.stringValue)\"."))
        }
        return value
    }

    /// The key's value, or nil when the key is missing or its value is null.
    private func presentValue(forKey key: Key) -> Int? {
        guard let value = value(forName: key.stringValue), tape.kind(at: value) != .null else { return nil }
        return value
    }

    private func value(forName name: String) -> Int? {
        tape.firstValue(in: object, forKey: name)
    }
}
