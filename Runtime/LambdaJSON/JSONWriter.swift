/// Writes JSON text into a byte array. The encoder writes every string and number through it; code that writes
/// small JSON documents by hand (log lines, error bodies) can use `appendString` directly.
public enum JSONWriter {
    /// Appends `value` as a JSON string literal, quotes included.
    ///
    /// Escapes `"`, `\` and the control characters (`\b \f \n \r \t` in their short form, the others as
    /// `\u00XX`), and DEL as `\u007f` so that log lines stay printable. Everything else passes through as UTF-8,
    /// including `/`, which Foundation escapes and JSON does not require to be.
    public static func appendString(_ value: String, to out: inout [UInt8]) {
        appendString(value, into: &out)
    }

    static func appendString<Output: JSONOutput & ~Copyable>(_ value: String, into out: inout Output) {
        var value = value
        value.withUTF8 { utf8 in
            var length = 2
            for byte in utf8 { length += escapedLength(of: byte) }
            out.append(count: length) { room in
                room[0] = UInt8(ascii: "\"")
                room[length - 1] = UInt8(ascii: "\"")
                var body = UnsafeMutableBufferPointer(rebasing: room[1..<length - 1])
                if length == utf8.count + 2 {
                    // Nothing to escape, as in most strings: copy the bytes as they are.
                    _ = body.initialize(fromContentsOf: utf8)
                } else {
                    var position = 0
                    for byte in utf8 { position += writeEscaped(byte, at: position, in: &body) }
                }
            }
        }
    }

    /// How many bytes `byte` takes in a string literal: 1 as itself, 2 as a short escape, 6 as `\u00XX`.
    private static func escapedLength(of byte: UInt8) -> Int {
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else { return 1 }
        return shortEscape(for: byte) == nil ? 6 : 2
    }

    private static func shortEscape(for byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        default: nil
        }
    }

    /// Writes `byte` as a string literal has it, at `position`, and returns how many bytes that took.
    private static func writeEscaped(
        _ byte: UInt8, at position: Int, in out: inout UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        switch escapedLength(of: byte) {
        case 1:
            out[position] = byte
        case 2:
            out[position] = UInt8(ascii: "\\")
            out[position + 1] = shortEscape(for: byte)!
        default:
            for (offset, character) in "\\u00".utf8.enumerated() { out[position + offset] = character }
            out[position + 4] = hexDigit(byte >> 4)
            out[position + 5] = hexDigit(byte & 0x0F)
        }
        return escapedLength(of: byte)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends a fixed piece of JSON, such as `true` or `null`.
    static func appendLiteral<Output: JSONOutput & ~Copyable>(_ literal: StaticString, to out: inout Output) {
        out.append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends an integer in decimal.
    static func appendInteger<T: FixedWidthInteger, Output: JSONOutput & ~Copyable>(_ value: T, to out: inout Output) {
        // Digits come out least significant first, so fill a small buffer from its end; 40 bytes hold any 128-bit value.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var position = digits.count
            var magnitude = value.magnitude
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            if value < 0 {
                position -= 1
                digits[position] = UInt8(ascii: "-")
            }
            out.append(UnsafeBufferPointer(rebasing: digits[position...]))
        }
    }

    /// Appends a finite floating-point value as the shortest text that reads back as the same value. As Foundation
    /// does, a whole value drops the ".0" Swift's description ends with (`1.0` is `1`, `-0.0` is `-0`), and large
    /// or small ones keep the exponent (`1e+20`, `1e-07`).
    static func appendFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible, Output: JSONOutput & ~Copyable>(
        _ value: T, to out: inout Output
    ) {
        var text = value.description
        text.withUTF8 { utf8 in
            let wholeSuffix = utf8.count > 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8.last == UInt8(ascii: "0")
            out.append(UnsafeBufferPointer(rebasing: utf8.dropLast(wholeSuffix ? 2 : 0)))
        }
    }
}
