#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The identifiers Lambda makes up for each invocation.
enum Identifiers {
    /// A lower-case UUID, like Lambda's request ids.
    static func requestID() -> String {
        UUID().uuidString.lowercased()
    }

    /// An X-Ray trace header: `Root=1-<epoch seconds>-<96 random bits>;Parent=<64 random bits>;Sampled=0`.
    static func traceID(epochSeconds: Int64) -> String {
        var random = SystemRandomNumberGenerator()
        let root = hex(UInt64(epochSeconds), digits: 8) + "-" + hex(random.next(), digits: 16)
            + hex(UInt64(random.next() as UInt32), digits: 8)
        return "Root=1-\(root);Parent=\(hex(random.next(), digits: 16));Sampled=0"
    }

    /// The log stream Lambda names after the day and the execution environment.
    static func logStreamName(epochSeconds: Int64) -> String {
        let date = UTCTime(epochMilliseconds: epochSeconds * 1000)
        var random = SystemRandomNumberGenerator()
        return "\(date.year)/\(pad(date.month))/\(pad(date.day))/[$LATEST]"
            + hex(random.next(), digits: 16) + hex(random.next(), digits: 16)
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    fileprivate static func pad(_ value: Int, _ digits: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// A wall-clock instant split into UTC calendar fields (via `gmtime_r`, no calendar library needed).
struct UTCTime {
    let year, month, day, hour, minute, second, millisecond: Int

    init(epochMilliseconds: Int64) {
        var seconds = time_t(epochMilliseconds / 1000)
        var fields = tm()
        gmtime_r(&seconds, &fields)
        year = Int(fields.tm_year) + 1900
        month = Int(fields.tm_mon) + 1
        day = Int(fields.tm_mday)
        hour = Int(fields.tm_hour)
        minute = Int(fields.tm_min)
        second = Int(fields.tm_sec)
        millisecond = Int(epochMilliseconds % 1000)
    }

    /// `2026-11-22T00:19:11.123Z`, the timestamp Lambda puts in front of its timeout message.
    var iso8601: String {
        let pad = Identifiers.pad
        return "\(year)-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
            + ".\(pad(millisecond, 3))Z"
    }
}
