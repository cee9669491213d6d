/// A moment in UTC with millisecond precision: what AWS APIs and the functions' tables need of a clock.
/// Our own rather than Foundation's `Date`, so that a bootstrap links no Foundation at all.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    public init(secondsSince1970: Int64) {
        self.init(millisecondsSince1970: secondsSince1970 * 1000)
    }

    /// The wall clock, now.
    public static func now() -> Timestamp {
        Timestamp(millisecondsSince1970: SystemClock.epochMilliseconds())
    }

    /// Whole seconds, rounded down (also before 1970).
    public var secondsSince1970: Int64 {
        millisecondsSince1970 >= 0 ? millisecondsSince1970 / 1000 : (millisecondsSince1970 - 999) / 1000
    }

    /// `2026-11-22T00:31:04.125Z`: ISO 8601 in UTC with milliseconds, as `Date.ISO8601FormatStyle` writes
    /// it with fractional seconds.
    public var iso8601: String {
        let civil = CivilTime(secondsSince1970: secondsSince1970)
        let milliseconds = millisecondsSince1970 - secondsSince1970 * 1000
        return Self.digits(civil.year, 4) + "-" + Self.digits(civil.month, 2) + "-" + Self.digits(civil.day, 2)
            + "T" + Self.digits(civil.hour, 2) + ":" + Self.digits(civil.minute, 2) + ":"
            + Self.digits(civil.second, 2) + "." + Self.digits(milliseconds, 3) + "Z"
    }

    /// Parses `2026-11-22T06:00:00Z`, with or without fractional seconds (kept to the millisecond), the
    /// format of credential expiry times and of `iso8601`. Nil for anything else, including offsets
    /// other than `Z`.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for index in range {
                guard bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is expected: Character) -> Bool {
            index < bytes.count && bytes[index] == expected.asciiValue
        }
        guard let year = number(0..<4), byte(4, is: "-"), let month = number(5..<7), byte(7, is: "-"),
              let day = number(8..<10), byte(10, is: "T") || byte(10, is: "t"), let hour = number(11..<13),
              byte(13, is: ":"), let minute = number(14..<16), byte(16, is: ":"), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var milliseconds: Int64 = 0
        if byte(index, is: ".") {
            index += 1
            var scale: Int64 = 100
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                milliseconds += Int64(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index == bytes.count - 1, byte(index, is: "Z") || byte(index, is: "z") else { return nil }
        let days = CivilTime.daysSince1970(year: year, month: month, day: day)
        self.init(millisecondsSince1970: (days * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + milliseconds)
    }

    public var description: String { iso8601 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// The moment `duration` later (sub-millisecond parts are dropped).
    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(millisecondsSince1970: lhs.millisecondsSince1970 + rhs.wholeMilliseconds)
    }

    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(millisecondsSince1970: lhs.millisecondsSince1970 - rhs.wholeMilliseconds)
    }

    /// The time from `rhs` to `lhs`.
    public static func - (lhs: Timestamp, rhs: Timestamp) -> Duration {
        .milliseconds(lhs.millisecondsSince1970 - rhs.millisecondsSince1970)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    package static func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
