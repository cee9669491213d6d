/// Decodes `Decodable` values from JSON, with the behaviour of Foundation's `JSONDecoder` and its default options,
/// without Foundation.
///
/// The whole input is checked against RFC 8259 before anything is decoded: invalid UTF-8, a lone surrogate
/// escape, a trailing comma or anything after the value fails with `DecodingError.dataCorrupted`, naming the
/// problem and its byte offset (Foundation lets a trailing comma, and invalid UTF-8 in a string no one reads,
/// through). Nesting deeper than 512 arrays and objects is refused, as in Foundation.
///
/// Member names are equal when their Unicode scalars are, after unescaping (RFC 8259 section 8.3), in objects
/// of every size: `"\u00e9"` and `"é"` are one name, `"e\u0301"` is another, though Swift's `String ==` calls
/// them all equal. Of repeated names, the first wins and later ones are ignored. A `[String: _]` cannot hold two
/// canonically equivalent keys, so it keeps the first of those too, with that member's spelling.
public struct LambdaJSONDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let tape = try JSONTape(bytes)
        return try JSONDecoderImpl(tape: tape, token: 0, path: .root).decode(type)
    }
}
