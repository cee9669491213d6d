/// A scanned JSON document: the input bytes and one token per value (see `JSONToken`).
///
/// Every decoder and container of one `decode` call shares it and points into it by token index. It keeps the
/// input array itself (a reference, not a copy), so a decoder that outlives its call still reads valid memory.
final class JSONTape {
    let bytes: [UInt8]
    let tokens: [JSONToken]
    /// A null token after the document, standing for a value that is not there: as in Foundation, a
    /// `superDecoder(forKey:)` for a key the object lacks decodes null.
    let absentValue: Int
    /// By object, for each large object a key was looked up in: the value of each of its names. A small object is
    /// searched in place instead, which is cheaper than making and hashing a string per key.
    // Only `firstValue` and `unescapedKey` touch these two, and never while calling out, so Swift's run-time
    // exclusivity checks are off.
    @exclusivity(unchecked) private var keyIndexes: [Int: [MemberName: Int]] = [:]
    /// By key token, the unescaped text of each escaped key a small object's search has met, so that looking up
    /// several fields of one object unescapes each such key once.
    @exclusivity(unchecked) private var unescapedKeys: [Int: String] = [:]

    /// Above this many members, an object is looked up through `keyIndexes`.
    private static let searchLimit = 32

    init(_ bytes: [UInt8]) throws(DecodingError) {
        var tokens: [JSONToken]
        do throws(JSONSyntaxError) {
            tokens = try bytes.withUnsafeBufferPointer { input throws(JSONSyntaxError) in
                try JSONScanner.tokens(of: input)
            }
        } catch {
            throw error.decodingError
        }
        absentValue = tokens.count
        tokens.append(JSONToken(.null, start: 0, end: tokens.count + 1))
        self.bytes = bytes
        self.tokens = tokens
    }

    func kind(at token: Int) -> JSONToken.Kind {
        tokens[token].kind
    }

    /// The number of members of an object, or elements of an array.
    func count(at container: Int) -> Int {
        Int(tokens[container].length)
    }

    /// The token of the value after `token`'s, skipping everything inside it.
    func next(after token: Int) -> Int {
        Int(tokens[token].end)
    }

    /// An object's members, in document order.
    func members(of object: Int) -> Members {
        Members(tape: self, remaining: count(at: object), key: object + 1)
    }

    struct Members: Sequence, IteratorProtocol {
        let tape: JSONTape
        var remaining: Int
        var key: Int

        mutating func next() -> (key: Int, value: Int)? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            defer { key = tape.next(after: key + 1) }
            return (key, key + 1)
        }
    }

    /// The raw bytes of a scalar: a string's text without its quotes, a number's literal.
    func withBytes<Result>(at token: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start = Int(tokens[token].start)
        let end = start + Int(tokens[token].length)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The value of a string token.
    func string(at token: Int) -> String {
        let hasEscapes = tokens[token].hasEscapes
        return withBytes(at: token) { text in
            hasEscapes ? JSONStringEscapes.unescape(text) : String(decoding: text, as: UTF8.self)
        }
    }

    /// The literal text of a number token, exactly as it appears in the input.
    func literal(at token: Int) -> String {
        withBytes(at: token) { String(decoding: $0, as: UTF8.self) }
    }

    /// The value of `object`'s first member named `name`, or nil if it has none.
    ///
    /// Names are equal when their Unicode scalars are, after unescaping (see `MemberName`), whatever the object's
    /// size, and repeated names resolve to the first, as in Foundation. A small object's search compares the raw
    /// key bytes with the name's UTF-8, so unescaped keys (nearly all) are never made into strings.
    func firstValue(in object: Int, forKey name: String) -> Int? {
        if count(at: object) > Self.searchLimit { return keyIndex(of: object)[MemberName(name: name)] }
        var name = name
        return name.withUTF8 { name in
            bytes.withUnsafeBufferPointer { bytes in
                tokens.withUnsafeBufferPointer { tokens in
                    var key = object + 1
                    for _ in 0..<Int(tokens[object].length) {
                        let token = tokens[key]
                        if token.hasEscapes {
                            // Unescaping never lengthens a key, so one shorter than the name cannot match.
                            if token.length >= name.count, unescapedKey(at: key).utf8.elementsEqual(name) {
                                return key + 1
                            }
                        } else if token.length == name.count {
                            let start = Int(token.start)
                            if name.indices.allSatisfy({ bytes[start + $0] == name[$0] }) { return key + 1 }
                        }
                        key = Int(tokens[key + 1].end)
                    }
                    return nil
                }
            }
        }
    }

    private func unescapedKey(at key: Int) -> String {
        if let text = unescapedKeys[key] { return text }
        let text = string(at: key)
        unescapedKeys[key] = text
        return text
    }

    private func keyIndex(of object: Int) -> [MemberName: Int] {
        if let valueByName = keyIndexes[object] { return valueByName }
        var valueByName: [MemberName: Int] = [:]
        valueByName.reserveCapacity(count(at: object))
        for member in members(of: object) {
            // The first of repeated names wins, as in a small object's search.
            let name = MemberName(name: string(at: member.key))
            if valueByName[name] == nil { valueByName[name] = member.value }
        }
        keyIndexes[object] = valueByName
        return valueByName
    }
}
