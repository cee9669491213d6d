/// The `Encoder` handed to each `encode(to:)`: a node of the tree being built and the path to it.
///
/// It is three words, so passing it as `any Encoder` does not allocate, and it is its own single-value container.
struct JSONEncoderImpl: Encoder {
    let tree: EncodingTree
    let node: Int
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tree.makeObject(node)
        return KeyedEncodingContainer(KeyedJSONEncodingContainer(tree: tree, object: node, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tree.makeArray(node)
        return UnkeyedJSONEncodingContainer(tree: tree, array: node, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    /// Writes a `JSONNumber`'s literal as it is.
    func encodeNumberLiteral(_ literal: String) {
        tree.setVerbatim(node, to: literal)
    }
}

extension JSONEncoderImpl: SingleValueEncodingContainer {
    mutating func encodeNil() throws { tree.setNull(node) }
    mutating func encode(_ value: Bool) throws { try scalar(value) }
    mutating func encode(_ value: String) throws { try scalar(value) }
    mutating func encode(_ value: Double) throws { try scalar(value) }
    mutating func encode(_ value: Float) throws { try scalar(value) }
    mutating func encode(_ value: Int) throws { try scalar(value) }
    mutating func encode(_ value: Int8) throws { try scalar(value) }
    mutating func encode(_ value: Int16) throws { try scalar(value) }
    mutating func encode(_ value: Int32) throws { try scalar(value) }
    mutating func encode(_ value: Int64) throws { try scalar(value) }
    mutating func encode(_ value: Int128) throws { try scalar(value) }
    mutating func encode(_ value: UInt) throws { try scalar(value) }
    mutating func encode(_ value: UInt8) throws { try scalar(value) }
    mutating func encode(_ value: UInt16) throws { try scalar(value) }
    mutating func encode(_ value: UInt32) throws { try scalar(value) }
    mutating func encode(_ value: UInt64) throws { try scalar(value) }
    mutating func encode(_ value: UInt128) throws { try scalar(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try tree.encode(value, into: node, path: path)
    }

    private func scalar<T: JSONScalar>(_ value: T) throws {
        try tree.setLiteral(node, to: value, path: codingPath)
    }
}
