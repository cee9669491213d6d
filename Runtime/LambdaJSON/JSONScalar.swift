/// The standard types JSON holds as one literal. Containers read them straight from a token and write them
/// straight to the output, without the nested decoder or encoder that `init(from:)` and `encode(to:)` would need.
protocol JSONScalar {
    static func read(from tape: JSONTape, at token: Int) throws(ScalarReadFailure) -> Self
    /// Appends the value's JSON literal; throws for the values JSON has no literal for (NaN, infinities).
    func write(to out: inout GrowableBuffer<UInt8>) throws(NoJSONLiteral)
}

enum ScalarReadFailure: Error {
    /// The token holds another kind of value (or null).
    case wrongKind
    /// The token is a number that the type cannot hold.
    case doesNotFit
}

struct NoJSONLiteral: Error {}

extension Bool: JSONScalar {
    static func read(from tape: JSONTape, at token: Int) throws(ScalarReadFailure) -> Bool {
        switch tape.kind(at: token) {
        case .true: true
        case .false: false
        default: throw .wrongKind
        }
    }

    func write(to out: inout GrowableBuffer<UInt8>) {
        JSONWriter.appendLiteral(self ? "true" : "false", to: &out)
    }
}

extension String: JSONScalar {
    static func read(from tape: JSONTape, at token: Int) throws(ScalarReadFailure) -> String {
        guard tape.kind(at: token) == .string else { throw .wrongKind }
        return tape.string(at: token)
    }

    func write(to out: inout GrowableBuffer<UInt8>) {
        JSONWriter.appendString(self, into: &out)
    }
}

extension JSONScalar where Self: FixedWidthInteger {
    static func read(from tape: JSONTape, at token: Int) throws(ScalarReadFailure) -> Self {
        guard tape.kind(at: token) == .number else { throw .wrongKind }
        guard let value = tape.withBytes(at: token, { NumberLiteral.integer($0, as: Self.self) }) else {
            throw .doesNotFit
        }
        return value
    }

    func write(to out: inout GrowableBuffer<UInt8>) {
        JSONWriter.appendInteger(self, to: &out)
    }
}

extension JSONScalar where Self: BinaryFloatingPoint & LosslessStringConvertible {
    static func read(from tape: JSONTape, at token: Int) throws(ScalarReadFailure) -> Self {
        guard tape.kind(at: token) == .number else { throw .wrongKind }
        guard let value = tape.withBytes(at: token, { NumberLiteral.floatingPoint($0, as: Self.self) }) else {
            throw .doesNotFit
        }
        return value
    }

    func write(to out: inout GrowableBuffer<UInt8>) throws(NoJSONLiteral) {
        guard isFinite else { throw NoJSONLiteral() }
        JSONWriter.appendFloatingPoint(self, to: &out)
    }
}

extension Double: JSONScalar {}
extension Float: JSONScalar {}
extension Int: JSONScalar {}
extension Int8: JSONScalar {}
extension Int16: JSONScalar {}
extension Int32: JSONScalar {}
extension Int64: JSONScalar {}
extension Int128: JSONScalar {}
extension UInt: JSONScalar {}
extension UInt8: JSONScalar {}
extension UInt16: JSONScalar {}
extension UInt32: JSONScalar {}
extension UInt64: JSONScalar {}
extension UInt128: JSONScalar {}

extension JSONTape {
    /// Reads a scalar, turning a failure into the `DecodingError` Foundation would throw at `path`.
    func decodeScalar<T: JSONScalar>(
        _ type: T.Type, at token: Int, path: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        do throws(ScalarReadFailure) {
            return try T.read(from: self, at: token)
        } catch .wrongKind {
            throw DecodingError.mismatch(type, found: kind(at: token), at: path())
        } catch .doesNotFit {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path(),
                debugDescription: "Parsed JSON number <\(literal(at: token))> does not fit in \(type)."))
        }
    }
}

extension EncodingTree {
    /// Sets a scalar, turning a value JSON cannot hold into the `EncodingError` Foundation would throw at `path`.
    func setLiteral<T: JSONScalar>(_ node: Int, to value: T, path: @autoclosure () -> [any CodingKey]) throws {
        do throws(NoJSONLiteral) {
            try setLiteral(node, to: value)
        } catch {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path(), debugDescription: "Unable to encode \(T.self).\(value) directly in JSON."))
        }
    }
}

extension DecodingError {
    /// The error for finding `kind` where a `type` was expected: `valueNotFound` for null, `typeMismatch` otherwise.
    static func mismatch(_ type: Any.Type, found kind: JSONToken.Kind, at path: [any CodingKey]) -> DecodingError {
        let context = Context(codingPath: path, debugDescription: "Expected to decode \(type) but found \(kind) instead.")
        return kind == .null ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }
}
