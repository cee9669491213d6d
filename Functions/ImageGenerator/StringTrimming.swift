extension StringProtocol {
    /// The text without leading and trailing characters that match `predicate`. FoundationEssentials has no
    /// `trimmingCharacters(in:)`, and full Foundation would add ICU's data (tens of MB) to the zip.
    func trimmed(where predicate: (Character) -> Bool = \.isWhitespace) -> String {
        guard let first = firstIndex(where: { !predicate($0) }), let last = lastIndex(where: { !predicate($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
