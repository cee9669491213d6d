import LambdaJSON

/// Quoting for text of unknown shape in messages: as a JSON string literal, it shows exactly what arrived.
enum JSONStringLiteral {
    static func string(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 2)
        JSONWriter.appendString(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
