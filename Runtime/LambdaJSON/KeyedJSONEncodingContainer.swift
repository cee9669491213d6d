/// Encodes an object's members by key, in the order they are encoded.
struct KeyedJSONEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: EncodingTree
    let object: Int
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil(forKey key: Key) throws { tree.setNull(member(key)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: Int128, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try scalar(value, forKey: key) }
    mutating func encode(_ value: UInt128, forKey key: Key) throws { try scalar(value, forKey: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try tree.addChild(to: object, key: key.stringValue) { member in
            try tree.encode(value, into: member, path: path.appending(key))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        encoder(forKey: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder(forKey: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder(forKey: JSONKey.super)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder(forKey: key)
    }

    private func member(_ key: some CodingKey) -> Int {
        tree.addMember(to: object, key: key.stringValue)
    }

    private func encoder(forKey key: some CodingKey) -> JSONEncoderImpl {
        JSONEncoderImpl(tree: tree, node: member(key), path: path.appending(key))
    }

    private func scalar<T: JSONScalar>(_ value: T, forKey key: Key) throws {
        try tree.addChild(to: object, key: key.stringValue) { member in
            try tree.setLiteral(member, to: value, path: path.keys(appending: key))
        }
    }
}
