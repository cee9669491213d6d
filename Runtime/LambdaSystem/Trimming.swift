extension StringProtocol {
    /// The text without leading and trailing ASCII whitespace: space, tab, CR and LF.
    ///
    /// The one trimming rule of the runtime. It is HTTP's optional whitespace plus line ends, so a header
    /// value, an INI line, a token file or an environment value read with a stray `\r\n` all come out
    /// clean; other Unicode whitespace (a no-break space, say) is content and stays.
    public func trimmingWhitespace() -> String {
        let bytes = String(self).utf8
        guard let first = bytes.firstIndex(where: { !isASCIIWhitespace($0) }),
              let last = bytes.lastIndex(where: { !isASCIIWhitespace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

private func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
}
