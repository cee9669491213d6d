/// Base64 (RFC 4648, the standard alphabet, with padding): how JSON carries bytes, in API Gateway bodies,
/// DynamoDB binary attributes and Bedrock images.
public enum Base64 {
    /// `bytes` as base64 text.
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.underestimatedCount + 2) / 3 * 4)
        var group: UInt32 = 0
        var held = 0
        for byte in bytes {
            group = group << 8 | UInt32(byte)
            held += 1
            if held == 3 {
                appendQuad(group, significant: 4, to: &out)
                group = 0
                held = 0
            }
        }
        if held > 0 {
            // Pad the partial group with zero bits to a full 24, then replace what they encode with `=`.
            appendQuad(group << (8 * UInt32(3 - held)), significant: held + 1, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` encodes, or nil unless it is canonical padded base64 (no whitespace, no line
    /// breaks; the length a multiple of 4), as `Data(base64Encoded:)` expects by default.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = text.utf8
        guard utf8.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 4 * 3)
        var group: UInt32 = 0
        var held = 0
        var padding = 0
        for byte in utf8 {
            let value: UInt8
            if byte == UInt8(ascii: "=") {
                padding += 1
                value = 0
            } else {
                // Data after padding is malformed.
                guard padding == 0, let decoded = decodedValue(byte) else { return nil }
                value = decoded
            }
            group = group << 6 | UInt32(value)
            held += 1
            if held == 4 {
                out.append(UInt8(truncatingIfNeeded: group >> 16))
                out.append(UInt8(truncatingIfNeeded: group >> 8))
                out.append(UInt8(truncatingIfNeeded: group))
                group = 0
                held = 0
            }
        }
        guard padding <= 2 else { return nil }
        out.removeLast(padding)
        return out
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the four characters of a 24-bit group, `=` in place of the last `4 - significant`.
    private static func appendQuad(_ group: UInt32, significant: Int, to out: inout [UInt8]) {
        for index in 0..<4 {
            if index < significant {
                out.append(alphabet[Int((group >> UInt32(18 - 6 * index)) & 0x3F)])
            } else {
                out.append(UInt8(ascii: "="))
            }
        }
    }

    private static func decodedValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}

extension KeyedDecodingContainer {
    /// Bytes JSON carries as a base64 string (what Foundation's coders do for `Data` by default).
    public func decodeBase64(forKey key: Key) throws -> [UInt8] {
        let text = try decode(String.self, forKey: key)
        guard let bytes = Base64.decode(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not valid base64")
        }
        return bytes
    }

    public func decodeBase64IfPresent(forKey key: Key) throws -> [UInt8]? {
        try contains(key) && !decodeNil(forKey: key) ? decodeBase64(forKey: key) : nil
    }
}

extension KeyedEncodingContainer {
    public mutating func encodeBase64(_ bytes: [UInt8], forKey key: Key) throws {
        try encode(Base64.encode(bytes), forKey: key)
    }
}
