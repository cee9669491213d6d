/// One value of a scanned JSON document.
///
/// The scanner writes one token per value, in document order, into a flat array (the tape): an object's token is
/// followed by its members as key and value tokens, an array's by its elements. Decoding reads values from the
/// tape and the input bytes, so the text is parsed once and nothing is built for values no one asks for.
struct JSONToken {
    enum Kind: UInt8 {
        case null, `true`, `false`, number, string, object, array
    }

    let kind: Kind
    /// For a string: its text holds escapes, so reading it must unescape.
    let hasEscapes: Bool
    /// Where the value starts in the input: a string's first byte after the quote, a number's first byte,
    /// a container's bracket.
    let start: UInt32
    /// For a scalar, its length in bytes (a string's without the quotes); for a container, its member or element
    /// count. Containers get it when they close.
    var length: UInt32
    /// The index of the token after this value: for a container, the one after its last member.
    var end: UInt32

    /// The scanner refuses input of 4 GiB or more, so every offset, length and index fits in 32 bits.
    init(_ kind: Kind, hasEscapes: Bool = false, start: Int, length: Int = 0, end: Int) {
        self.kind = kind
        self.hasEscapes = hasEscapes
        self.start = UInt32(truncatingIfNeeded: start)
        self.length = UInt32(truncatingIfNeeded: length)
        self.end = UInt32(truncatingIfNeeded: end)
    }
}

extension JSONToken.Kind: CustomStringConvertible {
    /// How error messages name what was found instead of the expected type.
    var description: String {
        switch self {
        case .null: "null"
        case .true, .false: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .object: "an object"
        case .array: "an array"
        }
    }
}
