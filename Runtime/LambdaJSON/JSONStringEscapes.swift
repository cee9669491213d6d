/// Reading JSON string escapes. The scanner has already checked every escape, so unescaping trusts its input.
enum JSONStringEscapes {
    /// The code unit four hexadecimal digits spell, or nil if they are not all hexadecimal.
    static func codeUnit(hexDigits: UnsafeBufferPointer<UInt8>) -> UInt16? {
        var unit: UInt16 = 0
        for byte in hexDigits {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(value)
        }
        return unit
    }

    /// The string a scanned string literal's text (without its quotes) stands for.
    static func unescape(_ text: UnsafeBufferPointer<UInt8>) -> String {
        // Every escape is at least as long as the UTF-8 it stands for, so the text's length is enough room.
        String(unsafeUninitializedCapacity: text.count) { out in
            var read = 0
            var written = 0
            func write(_ byte: UInt8) {
                out[written] = byte
                written += 1
            }
            func readCodeUnit() -> UInt32 {
                defer { read += 6 }
                return UInt32(codeUnit(hexDigits: UnsafeBufferPointer(rebasing: text[read + 2..<read + 6]))!)
            }
            while read < text.count {
                guard text[read] == UInt8(ascii: "\\") else {
                    write(text[read])
                    read += 1
                    continue
                }
                let short: UInt8
                switch text[read + 1] {
                case UInt8(ascii: "b"): short = 0x08
                case UInt8(ascii: "f"): short = 0x0C
                case UInt8(ascii: "n"): short = UInt8(ascii: "\n")
                case UInt8(ascii: "r"): short = UInt8(ascii: "\r")
                case UInt8(ascii: "t"): short = UInt8(ascii: "\t")
                case UInt8(ascii: "u"):
                    var scalar = readCodeUnit()
                    if scalar >= 0xD800, scalar <= 0xDBFF {
                        let low = readCodeUnit()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    for byte in UTF8.encode(Unicode.Scalar(scalar)!)! { write(byte) }
                    continue
                default: short = text[read + 1]  // \" \\ \/ stand for themselves
                }
                write(short)
                read += 2
            }
            return written
        }
    }
}
