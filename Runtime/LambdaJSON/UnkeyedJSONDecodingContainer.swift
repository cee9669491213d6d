/// Decodes an array's elements in order.
struct UnkeyedJSONDecodingContainer: UnkeyedDecodingContainer {
    let tape: JSONTape
    let path: CodingPath
    let count: Int?
    private(set) var currentIndex = 0
    /// The token of the element at `currentIndex`.
    private var element: Int

    init(tape: JSONTape, array: Int, path: CodingPath) {
        self.tape = tape
        self.path = path
        count = tape.count(at: array)
        element = array + 1
    }

    var codingPath: [any CodingKey] { path.keys }
    var isAtEnd: Bool { currentIndex == count }

    mutating func decodeNil() throws -> Bool {
        guard tape.kind(at: try current(Any?.self)) == .null else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    mutating func decode(_ type: String.Type) throws -> String { try scalar(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try scalar(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try scalar(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try tape.decode(type, at: current(type), path: .index(currentIndex, parent: path))
        advance()
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try decoder(for: [String: Any].self).container(keyedBy: type)
        advance()
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try decoder(for: [Any].self).unkeyedContainer()
        advance()
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try decoder(for: (any Decoder).self)
        advance()
        return decoder
    }

    /// A failed decode leaves the container where it was, as in Foundation, so the caller may try another type.
    private mutating func scalar<T: JSONScalar>(_ type: T.Type) throws -> T {
        let value = try tape.decodeScalar(type, at: current(type), path: path.keys(appending: JSONKey(index: currentIndex)))
        advance()
        return value
    }

    private func decoder(for type: Any.Type) throws -> JSONDecoderImpl {
        JSONDecoderImpl(tape: tape, token: try current(type), path: .index(currentIndex, parent: path))
    }

    /// The current element's token; at the end, the error for wanting a `type` there.
    private func current(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path.keys(appending: JSONKey(index: currentIndex)),
                debugDescription: "Unkeyed container is at end."))
        }
        return element
    }

    private mutating func advance() {
        element = tape.next(after: element)
        currentIndex += 1
    }
}
