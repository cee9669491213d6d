/// Encodes `Encodable` values as compact JSON, with the behaviour of Foundation's `JSONEncoder` and its default
/// options, without Foundation.
///
/// Object members keep the order they were encoded in (Foundation's order is random); encoding a key again
/// replaces its value in place. Strings are escaped as `JSONWriter.appendString` does, which unlike Foundation
/// leaves `/` alone. NaN and infinities throw `EncodingError.invalidValue`, as in Foundation.
public struct LambdaJSONEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let tree = EncodingTree()
        var encoder = JSONEncoderImpl(tree: tree, node: EncodingTree.root, path: .root)
        try encoder.encode(value)
        guard tree.hasValue(at: EncodingTree.root) else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return tree.serialized()
    }
}
