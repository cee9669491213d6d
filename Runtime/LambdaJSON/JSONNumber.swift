/// A JSON number kept as its literal text, so that types a `Double` cannot hold exactly, such as decimals and
/// big integers, can parse it themselves (Foundation's `Decimal` is not available here).
///
/// `LambdaJSONDecoder` hands over the number's text exactly as it appears in the input (`12.30` stays `12.30`,
/// `1e400` stays `1e400`), and `LambdaJSONEncoder` writes it back as it is. Two numbers are equal when their texts
/// are: `1.0` and `1` differ.
public struct JSONNumber: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The literal, which is always a valid JSON number.
    public let text: String

    /// A number with this literal text, or nil when it is not a JSON number (RFC 8259: no `+`, no leading zeros,
    /// no `.5` or `5.`, no NaN or infinity).
    public init?(_ text: String) {
        guard NumberLiteral.isValid(text) else { return nil }
        self.text = text
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? JSONDecoderImpl {
            text = try decoder.numberLiteral()
            return
        }
        // Other decoders do not show the literal: the best they offer is a Double, or a number sent as a string.
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Double.self), value.isFinite {
            text = value.description
        } else {
            let string = try container.decode(String.self)
            guard let number = JSONNumber(string) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(string)\" is not a JSON number.")
            }
            self = number
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? JSONEncoderImpl {
            encoder.encodeNumberLiteral(text)
            return
        }
        // Other encoders take a Double; a number beyond Double's range keeps its text as a string.
        var container = encoder.singleValueContainer()
        if let value = Double(text), value.isFinite {
            try container.encode(value)
        } else {
            try container.encode(text)
        }
    }
}
