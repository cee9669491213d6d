/// Encodes an array's elements in order.
struct UnkeyedJSONEncodingContainer: UnkeyedEncodingContainer {
    let tree: EncodingTree
    let array: Int
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }
    var count: Int { tree.childCount(of: array) }

    mutating func encodeNil() throws { tree.setNull(tree.addElement(to: array)) }
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
        let index = count
        try tree.addChild(to: array, key: nil) { element in
            try tree.encode(value, into: element, path: .index(index, parent: path))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        nextEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nextEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nextEncoder()
    }

    private func nextEncoder() -> JSONEncoderImpl {
        let index = count
        return JSONEncoderImpl(tree: tree, node: tree.addElement(to: array), path: .index(index, parent: path))
    }

    private func scalar<T: JSONScalar>(_ value: T) throws {
        let index = count
        try tree.addChild(to: array, key: nil) { element in
            try tree.setLiteral(element, to: value, path: path.keys(appending: JSONKey(index: index)))
        }
    }
}
