/// Checks that the input is exactly one JSON value under RFC 8259 and writes its tokens.
///
/// This is the only place that judges syntax: strings are checked for escapes, unpaired surrogates, control
/// characters and invalid UTF-8, and numbers for their grammar, so decoding can trust the tape. Nesting is limited
/// to `maximumDepth` so that hostile input cannot exhaust the stack of the decoding that follows.
struct JSONScanner {
    /// Foundation's limit: 512 nested containers decode, 513 do not.
    static let maximumDepth = 512

    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    private var tokens: [JSONToken] = []

    static func tokens(of input: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> [JSONToken] {
        var scanner = JSONScanner(input: input)
        guard input.count < UInt32.max else { throw scanner.error("the input is larger than 4 GiB", at: 0) }
        // Events average a token every six to ten bytes; reserving that (and the tape's extra token) avoids
        // most regrowth.
        scanner.tokens.reserveCapacity(input.count / 6 + 2)
        scanner.skipByteOrderMark()
        try scanner.scanValue()
        scanner.skipWhitespace()
        guard scanner.position == input.count else {
            throw scanner.error("unexpected \(scanner.describeByte()) after the top-level value", at: scanner.position)
        }
        return scanner.tokens
    }

    private init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    private mutating func scanValue() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < input.count else { throw error("unexpected end of input, expected a value", at: position) }
        switch input[position] {
        case UInt8(ascii: "{"): try scanObject()
        case UInt8(ascii: "["): try scanArray()
        case UInt8(ascii: "\""): try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        case UInt8(ascii: "t"): try scanLiteral("true", as: .true)
        case UInt8(ascii: "f"): try scanLiteral("false", as: .false)
        case UInt8(ascii: "n"): try scanLiteral("null", as: .null)
        default: throw error("unexpected \(describeByte()), expected a value", at: position)
        }
    }

    private mutating func scanObject() throws(JSONSyntaxError) {
        let object = try openContainer(.object)
        var count = 0
        skipWhitespace()
        if position < input.count, input[position] == UInt8(ascii: "}") {
            return closeContainer(object, count: count)
        }
        while true {
            skipWhitespace()
            guard position < input.count, input[position] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeByte()), expected a string key in an object", at: position)
            }
            try scanString()
            skipWhitespace()
            guard position < input.count, input[position] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeByte()), expected ':' after an object key", at: position)
            }
            position += 1
            try scanValue()
            count += 1
            skipWhitespace()
            guard position < input.count else { throw error("unexpected end of input in an object", at: position) }
            switch input[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): return closeContainer(object, count: count)
            default: throw error("unexpected \(describeByte()), expected ',' or '}' in an object", at: position)
            }
        }
    }

    private mutating func scanArray() throws(JSONSyntaxError) {
        let array = try openContainer(.array)
        var count = 0
        skipWhitespace()
        if position < input.count, input[position] == UInt8(ascii: "]") {
            return closeContainer(array, count: count)
        }
        while true {
            try scanValue()
            count += 1
            skipWhitespace()
            guard position < input.count else { throw error("unexpected end of input in an array", at: position) }
            switch input[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): return closeContainer(array, count: count)
            default: throw error("unexpected \(describeByte()), expected ',' or ']' in an array", at: position)
            }
        }
    }

    /// Writes the container's token, to be completed by `closeContainer`, and steps past its bracket.
    private mutating func openContainer(_ kind: JSONToken.Kind) throws(JSONSyntaxError) -> Int {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("more than \(Self.maximumDepth) nested arrays and objects", at: position)
        }
        tokens.append(JSONToken(kind, start: position, end: 0))
        position += 1
        return tokens.count - 1
    }

    private mutating func closeContainer(_ token: Int, count: Int) {
        depth -= 1
        position += 1
        tokens[token].length = UInt32(count)
        tokens[token].end = UInt32(tokens.count)
    }

    private mutating func scanString() throws(JSONSyntaxError) {
        let quote = position
        position += 1
        var hasEscapes = false
        while true {
            position = endOfPlainText(from: position)
            guard position < input.count else { throw error("unterminated string", at: quote) }
            switch input[position] {
            case UInt8(ascii: "\""):
                tokens.append(JSONToken(.string, hasEscapes: hasEscapes, start: quote + 1, length: position - quote - 1,
                                        end: tokens.count + 1))
                position += 1
                return
            case UInt8(ascii: "\\"):
                hasEscapes = true
                try scanEscape()
            case 0..<0x20:
                throw error("unescaped control character \(describeByte()) in a string", at: position)
            default:
                try scanMultibyteCharacter()
            }
        }
    }

    /// Where the run of printable ASCII without quotes or escapes that starts at `start` ends. Most text is such a
    /// run, so this loop is the scanner's hottest.
    private func endOfPlainText(from start: Int) -> Int {
        var position = start
        while position < input.count {
            let byte = input[position]
            if byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            position += 1
        }
        return position
    }

    private mutating func scanEscape() throws(JSONSyntaxError) {
        let backslash = position
        guard position + 1 < input.count else { throw error("unterminated string", at: position) }
        switch input[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try scanUnicodeEscape()
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate must be followed by a low one: together they escape one character beyond U+FFFF.
                let pairable = position + 1 < input.count && input[position] == UInt8(ascii: "\\")
                    && input[position + 1] == UInt8(ascii: "u")
                guard pairable, case 0xDC00...0xDFFF = try scanUnicodeEscape() else {
                    throw error("unpaired surrogate \\u\(hex(unit)) in a string", at: backslash)
                }
            case 0xDC00...0xDFFF:
                throw error("unpaired surrogate \\u\(hex(unit)) in a string", at: backslash)
            default:
                break
            }
        default:
            position += 1
            throw error("invalid escape \\\(describeByte()) in a string", at: backslash)
        }
    }

    /// Reads the `\uXXXX` at `position` and returns its code unit.
    private mutating func scanUnicodeEscape() throws(JSONSyntaxError) -> UInt16 {
        let backslash = position
        guard position + 6 <= input.count,
              let unit = JSONStringEscapes.codeUnit(
                  hexDigits: UnsafeBufferPointer(rebasing: input[position + 2..<position + 6]))
        else {
            throw error("\\u is not followed by four hexadecimal digits", at: backslash)
        }
        position += 6
        return unit
    }

    /// Checks one UTF-8 character of two to four bytes (Unicode's table 3-7: no overlong forms, no surrogates,
    /// nothing beyond U+10FFFF).
    private mutating func scanMultibyteCharacter() throws(JSONSyntaxError) {
        let length: Int
        let second: ClosedRange<UInt8>
        switch input[position] {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: throw error("invalid UTF-8 (\(describeByte())) in a string", at: position)
        }
        guard position + length <= input.count, second.contains(input[position + 1]),
              (2..<length).allSatisfy({ (0x80...0xBF).contains(input[position + $0]) })
        else {
            throw error("invalid UTF-8 sequence in a string", at: position)
        }
        position += length
    }

    private mutating func scanNumber() throws(JSONSyntaxError) {
        switch NumberLiteral.end(ofNumberAt: position, in: input) {
        case .success(let end):
            tokens.append(JSONToken(.number, start: position, length: end - position, end: tokens.count + 1))
            position = end
        case .failure(let syntaxError):
            position = syntaxError.offset
            throw error("\(syntaxError.problem), found \(describeByte())", at: syntaxError.offset)
        }
    }

    private mutating func scanLiteral(_ word: StaticString, as kind: JSONToken.Kind) throws(JSONSyntaxError) {
        let length = word.utf8CodeUnitCount
        guard position + length <= input.count,
              UnsafeBufferPointer(rebasing: input[position..<position + length])
                .elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: length))
        else {
            throw error("unexpected \(describeByte()), expected a value", at: position)
        }
        tokens.append(JSONToken(kind, start: position, length: length, end: tokens.count + 1))
        position += length
    }

    private mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    /// RFC 8259 lets a parser ignore a byte order mark; Foundation does, and so does this.
    private mutating func skipByteOrderMark() {
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { position = 3 }
    }

    /// The byte at `position` as an error message shows it: printable ASCII quoted, anything else in hex.
    private func describeByte() -> String {
        guard position < input.count else { return "end of input" }
        let byte = input[position]
        return (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(byte))"
    }

    private func error(_ problem: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(problem: problem, offset: offset)
    }

    private func hex<T: BinaryInteger>(_ value: T) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, MemoryLayout<T>.size * 2 - digits.count)) + digits
    }
}

/// Where and why the input is not JSON.
///
/// The scanner throws this rather than `DecodingError`, whose layout the compiler cannot know (it is the
/// standard library's to change), which made every throwing function of the scanner look up its metadata.
struct JSONSyntaxError: Error {
    let problem: String
    let offset: Int

    var decodingError: DecodingError {
        .dataCorrupted(DecodingError.Context(
            codingPath: [], debugDescription: "The given data was not valid JSON: \(problem) at byte offset \(offset)."))
    }
}
