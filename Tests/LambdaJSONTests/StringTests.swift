import LambdaJSON
import Testing

@Suite struct StringTests {
    /// Every escape JSON has, and what it stands for.
    static let escapes: [(escaped: String, value: String)] = [
        (#"\""#, "\""), (#"\\"#, "\\"), (#"\/"#, "/"), (#"\b"#, "\u{8}"), (#"\f"#, "\u{c}"), (#"\n"#, "\n"),
        (#"\r"#, "\r"), (#"\t"#, "\t"), (#"\u0000"#, "\u{0}"), (#"\u001F"#, "\u{1f}"), (#"\u0041"#, "A"),
        (#"\u00e9"#, "é"), (#"\u00E9"#, "é"), (#"\u1234"#, "\u{1234}"), (#"\uFFFF"#, "\u{FFFF}"),
        (#"\ud83d\ude00"#, "😀"), (#"\uD83D\uDE00"#, "😀"), (#"\udbff\udfff"#, "\u{10FFFF}"), (#"\ud800\udc00"#, "\u{10000}"),
    ]

    @Test(arguments: escapes)
    func everyEscapeDecodes(escaped: String, value: String) throws {
        #expect(try decode(String.self, "\"\(escaped)\"") == value)
        #expect(try decode(String.self, "\"a\(escaped)b\(escaped)\"") == "a\(value)b\(value)")
        #expect(try foundationDecode(String.self, "\"\(escaped)\"") == value)
    }

    @Test func stringsWithoutEscapesAndEmptyStrings() throws {
        #expect(try decode(String.self, #""""#) == "")
        #expect(try decode([String].self, #"["", "a", "long enough to live on the heap, not inline"]"#)
            == ["", "a", "long enough to live on the heap, not inline"])
    }

    /// What the encoder writes for each character that needs escaping.
    static let written: [(value: String, json: String)] = [
        ("\"", #""\"""#), ("\\", #""\\""#), ("\n", #""\n""#), ("\r", #""\r""#), ("\t", #""\t""#), ("\u{8}", #""\b""#),
        ("\u{c}", #""\f""#), ("\u{0}", #""\u0000""#), ("\u{1}", #""\u0001""#), ("\u{1f}", #""\u001f""#),
        ("\u{7f}", #""\u007f""#), ("/", #""/""#), ("é😀", "\"é😀\""), ("a\"b\\c", #""a\"b\\c""#), ("", #""""#),
    ]

    @Test(arguments: written)
    func writerEscapesWhatJSONRequires(value: String, json: String) throws {
        var out: [UInt8] = [UInt8(ascii: "x")]
        JSONWriter.appendString(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x" + json)
        #expect(try encode(value) == json)
        #expect(try decode(String.self, json) == value)
    }

    @Test func everyControlCharacterIsEscapedAndReadsBack() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let json = try encode(controls)
        #expect(!json.utf8.contains { $0 < 0x20 })
        #expect(try decode(String.self, json) == controls)
        #expect(try foundationDecode(String.self, json) == controls)
    }

    @Test func writerKeepsTheFormTheRuntimesLogsUse() throws {
        // The runtime's error bodies were written with these escapes before; they must not change.
        var out: [UInt8] = []
        JSONWriter.appendString("a\u{1}b\nc\"d", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\u0001b\nc\"d""#)
    }

    @Test func keysAreEscapedToo() throws {
        #expect(try encode(["a\"b": 1]) == #"{"a\"b":1}"#)
        #expect(try decode([String: Int].self, #"{"a\"b":1}"#) == ["a\"b": 1])
    }
}
