/// JSON number literals: their grammar, and reading them as Swift integers and floating-point values.
enum NumberLiteral {
    /// The offset just past the number that starts at `start`, which must follow RFC 8259's grammar
    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    static func end(ofNumberAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Result<Int, JSONSyntaxError> {
        var position = start
        func skipDigits() {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        func expectDigit(_ context: String) -> JSONSyntaxError? {
            guard position < bytes.count, isDigit(bytes[position]) else {
                return JSONSyntaxError(problem: "expected a digit \(context)", offset: position)
            }
            return nil
        }

        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        if let error = expectDigit("in a number") { return .failure(error) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                return .failure(JSONSyntaxError(problem: "a number has a leading zero", offset: position))
            }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            if let error = expectDigit("after a decimal point") { return .failure(error) }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            if let error = expectDigit("in an exponent") { return .failure(error) }
            skipDigits()
        }
        return .success(position)
    }

    /// A valid literal taken apart: its value is `digits` (the integer and fraction parts, without the point)
    /// times 10^`scale`, negated when `negative`.
    private struct Parts {
        let negative: Bool
        /// From after the sign to before the exponent, the point included.
        let digits: Range<Int>
        let digitCount: Int
        let scale: Int

        init(_ literal: UnsafeBufferPointer<UInt8>) {
            negative = literal[0] == UInt8(ascii: "-")
            var end = negative ? 1 : 0
            var digitCount = 0
            var fractionDigits = 0
            var inFraction = false
            while end < literal.count, literal[end] | 0x20 != UInt8(ascii: "e") {
                if literal[end] == UInt8(ascii: ".") {
                    inFraction = true
                } else {
                    digitCount += 1
                    if inFraction { fractionDigits += 1 }
                }
                end += 1
            }
            digits = (negative ? 1 : 0)..<end
            self.digitCount = digitCount
            scale = NumberLiteral.exponent(of: literal, from: end) - fractionDigits
        }
    }

    /// The whole number a valid literal stands for, or nil when it has a fractional part or does not fit in `T`.
    ///
    /// Like Foundation, a fraction or exponent is fine as long as the value is whole (`1e2` is 100, `1.0` is 1).
    /// Unlike Foundation, which goes through `Double` for these, the check is exact on the digits.
    static func integer<T: FixedWidthInteger>(_ literal: UnsafeBufferPointer<UInt8>, as _: T.Type) -> T? {
        let parts = Parts(literal)
        // With a negative scale, the last -scale digits are the fraction of the value: they must all be zeros.
        let wholeDigits = parts.scale < 0 ? max(parts.digitCount + parts.scale, 0) : parts.digitCount
        var value: T = 0
        var digitsRead = 0
        for byte in UnsafeBufferPointer(rebasing: literal[parts.digits]) where byte != UInt8(ascii: ".") {
            let digit = T(truncatingIfNeeded: byte &- UInt8(ascii: "0"))
            if digitsRead < wholeDigits {
                // A negative value is built downwards, so that T.min, whose magnitude T cannot hold, still fits.
                let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
                let (next, overflowedAgain) = parts.negative
                    ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                if overflowed || overflowedAgain { return nil }
                value = next
            } else if digit != 0 {
                return nil
            }
            digitsRead += 1
        }
        if value != 0 {
            // Any huge scale overflows within 39 steps, so this loop is short.
            for _ in 0..<max(parts.scale, 0) {
                let (next, overflowed) = value.multipliedReportingOverflow(by: 10)
                if overflowed { return nil }
                value = next
            }
        }
        return value
    }

    /// The nearest `T` to a valid literal, or nil when it is beyond `T`'s range: Foundation refuses a number that
    /// would become infinity, or zero when its digits are not all zeros, and so does this.
    static func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ literal: UnsafeBufferPointer<UInt8>, as _: T.Type
    ) -> T? {
        let parts = Parts(literal)
        if let value: T = exactValue(literal, parts) { return value }
        // The standard library's parser rounds correctly; the literal is short, so the String rarely allocates.
        guard let value = T(String(decoding: literal, as: UTF8.self)), value.isFinite else { return nil }
        if value == 0 {
            let digits = UnsafeBufferPointer(rebasing: literal[parts.digits])
            if digits.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) { return nil }
        }
        return value
    }

    /// Clinger's fast path, which most numbers in events take: when the digits and the power of ten are both
    /// exact in `T`, one multiplication or division gives the correctly rounded value.
    private static func exactValue<T: BinaryFloatingPoint>(_ literal: UnsafeBufferPointer<UInt8>, _ parts: Parts) -> T? {
        // 10^n = 5^n × 2^n is exact while 5^n fits in the significand: up to 10^22 for Double, 10^10 for Float.
        let exactPowers = Int(Double(T.significandBitCount + 1) * 0.430676558073393)  // log 2 / log 5
        guard parts.digitCount <= 19, abs(parts.scale) <= exactPowers else { return nil }
        var mantissa: UInt64 = 0
        for byte in UnsafeBufferPointer(rebasing: literal[parts.digits]) where byte != UInt8(ascii: ".") {
            mantissa = mantissa * 10 + UInt64(byte &- UInt8(ascii: "0"))
        }
        guard mantissa >> (T.significandBitCount + 1) == 0 else { return nil }
        var power: T = 1
        for _ in 0..<abs(parts.scale) { power *= 10 }
        let magnitude = parts.scale < 0 ? T(mantissa) / power : T(mantissa) * power
        return parts.negative ? -magnitude : magnitude
    }

    /// Whether `text` is exactly one JSON number.
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            !bytes.isEmpty && (try? end(ofNumberAt: 0, in: bytes).get()) == bytes.count
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The exponent of a valid literal whose `e` (if any) is at `position`. It saturates far beyond any exponent
    /// that could matter, so that a thousand-digit exponent cannot overflow.
    private static func exponent(of literal: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
        guard position < literal.count else { return 0 }
        var position = position + 1
        let negative = literal[position] == UInt8(ascii: "-")
        if negative || literal[position] == UInt8(ascii: "+") { position += 1 }
        var magnitude = 0
        for byte in UnsafeBufferPointer(rebasing: literal[position...]) where magnitude < 1 << 40 {
            magnitude = magnitude * 10 + Int(byte &- UInt8(ascii: "0"))
        }
        return negative ? -magnitude : magnitude
    }
}
