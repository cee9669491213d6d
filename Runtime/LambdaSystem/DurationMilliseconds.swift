extension Duration {
    /// Whole milliseconds, rounded toward zero: the unit of curl's timeouts, Lambda's deadlines and the
    /// reports' `...Ms` fields.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
