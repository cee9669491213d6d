import LambdaSystem
import Testing

@Suite struct TrimmingTests {
    @Test func stripsSpacesTabsAndLineEndsOnBothSides() {
        #expect(" \t value \r\n".trimmingWhitespace() == "value")
        // A header line as curl hands it over, cut after the colon.
        #expect(" application/json\r\n"[...].trimmingWhitespace() == "application/json")
    }

    @Test func keepsInnerWhitespaceAndOtherUnicodeSpaces() {
        #expect("a \t b".trimmingWhitespace() == "a \t b")
        #expect("\u{00A0}kibble\u{00A0}".trimmingWhitespace() == "\u{00A0}kibble\u{00A0}")
    }

    @Test func allWhitespaceBecomesEmpty() {
        #expect(" \r\n\t ".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
    }
}
