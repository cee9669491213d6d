// Arrays, dictionaries and optionals hand their elements over as a generic `T`, and so do synthesized
// `init(from:)` and `encode(to:)` for properties such as `[String]`. When `T` is one of the scalars or arrays of
// scalars that events hold most, it is read or written here directly, sparing the nested decoder or encoder,
// container and coding path that `init(from:)` or `encode(to:)` would need. The test is a type comparison:
// asking whether `T` conforms to a protocol costs more than it would save.

extension JSONTape {
    /// Decodes any `T` at `token`.
    func decode<T: Decodable>(_ type: T.Type, at token: Int, path: @autoclosure () -> CodingPath) throws -> T {
        switch ObjectIdentifier(type) {
        case ObjectIdentifier(String.self): try decodeScalar(String.self, at: token, path: path().keys) as! T
        case ObjectIdentifier(Int.self): try decodeScalar(Int.self, at: token, path: path().keys) as! T
        case ObjectIdentifier(Double.self): try decodeScalar(Double.self, at: token, path: path().keys) as! T
        case ObjectIdentifier(Bool.self): try decodeScalar(Bool.self, at: token, path: path().keys) as! T
        case ObjectIdentifier([String].self): try decodeArray(of: String.self, at: token, path: path()) as! T
        case ObjectIdentifier([Int].self): try decodeArray(of: Int.self, at: token, path: path()) as! T
        case ObjectIdentifier([Double].self): try decodeArray(of: Double.self, at: token, path: path()) as! T
        default: try T(from: JSONDecoderImpl(tape: self, token: token, path: path()))
        }
    }

    private func decodeArray<Element: JSONScalar>(
        of _: Element.Type, at array: Int, path: @autoclosure () -> CodingPath
    ) throws -> [Element] {
        guard kind(at: array) == .array else {
            throw DecodingError.mismatch([Element].self, found: kind(at: array), at: path().keys)
        }
        var elements: [Element] = []
        elements.reserveCapacity(count(at: array))
        var element = array + 1
        for index in 0..<count(at: array) {
            elements.append(
                try decodeScalar(Element.self, at: element, path: path().keys(appending: JSONKey(index: index))))
            element = next(after: element)
        }
        return elements
    }
}

extension EncodingTree {
    /// Encodes any `T` into `node`.
    func encode<T: Encodable>(_ value: T, into node: Int, path: @autoclosure () -> CodingPath) throws {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): try setLiteral(node, to: value as! String, path: path().keys)
        case ObjectIdentifier(Int.self): try setLiteral(node, to: value as! Int, path: path().keys)
        case ObjectIdentifier(Double.self): try setLiteral(node, to: value as! Double, path: path().keys)
        case ObjectIdentifier(Bool.self): try setLiteral(node, to: value as! Bool, path: path().keys)
        case ObjectIdentifier([String].self): try encodeArray(value as! [String], into: node, path: path())
        case ObjectIdentifier([Int].self): try encodeArray(value as! [Int], into: node, path: path())
        case ObjectIdentifier([Double].self): try encodeArray(value as! [Double], into: node, path: path())
        default: try value.encode(to: JSONEncoderImpl(tree: self, node: node, path: path()))
        }
    }

    private func encodeArray<Element: JSONScalar>(
        _ elements: [Element], into array: Int, path: @autoclosure () -> CodingPath
    ) throws {
        makeArray(array)
        for (index, element) in elements.enumerated() {
            try setLiteral(addElement(to: array), to: element, path: path().keys(appending: JSONKey(index: index)))
        }
    }
}
