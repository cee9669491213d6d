#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing

@testable import LambdaSystem

/// `Timestamp` stands in for Foundation's `Date` in the clients and the functions: these check it against
/// `Date` itself.
@Suite struct TimestampTests {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    @Test func formatsLikeFoundationsISO8601Style() {
        var random = SystemRandomNumberGenerator()
        // 1900 to 2200, milliseconds included, and the edges a calendar computation gets wrong first.
        let samples: [Int64] = [0, -1, 1, 999, -999, -1000, 951_782_400_000, 951_868_799_999, 4_102_444_799_999]
            + (0..<2000).map { _ in Int64.random(in: -2_208_988_800_000...7_258_118_400_000, using: &random) }
        for milliseconds in samples {
            // Half a millisecond in: Foundation truncates to the millisecond, and a Double seldom holds
            // x.999 exactly (it would print x.998).
            let date = Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000)
            #expect(Timestamp(millisecondsSince1970: milliseconds).iso8601 == date.formatted(Self.style),
                    "at \(milliseconds) ms")
        }
    }

    @Test func parsesWhatItWrites() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let time = Timestamp(millisecondsSince1970: Int64.random(in: 0...7_258_118_400_000, using: &random))
            #expect(Timestamp(iso8601: time.iso8601) == time)
        }
    }

    @Test(arguments: [
        ("2026-11-22T06:00:00Z", 1_795_327_200_000),
        ("2026-11-22T06:00:00.5Z", 1_795_327_200_500),
        ("2026-11-22T06:00:00.123456Z", 1_795_327_200_123),
        ("1969-12-31T23:59:59.999Z", -1),
    ] as [(String, Int64)])
    func parsesCredentialExpiryForms(_ text: String, _ milliseconds: Int64) {
        #expect(Timestamp(iso8601: text)?.millisecondsSince1970 == milliseconds)
    }

    @Test(arguments: ["", "2026-11-22", "2026-11-22T06:00:00", "2026-11-22T06:00:00+01:00", "2026-13-01T00:00:00Z",
                      "2026-11-22T24:00:00Z", "2026-11-22T06:00:00.Z", "2026-11-22 06:00:00Z", "yesterday",
                      "2026-11-22T06:00:00ZZ"])
    func refusesOtherForms(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func arithmeticAndOrder() {
        let start = Timestamp(secondsSince1970: 1_000)
        #expect(start + .seconds(300) == Timestamp(secondsSince1970: 1_300))
        #expect(start - .milliseconds(1) == Timestamp(millisecondsSince1970: 999_999))
        #expect((start + .seconds(5)) - start == .seconds(5))
        #expect(start < start + .milliseconds(1))
        #expect(Timestamp(millisecondsSince1970: -1).secondsSince1970 == -1)
        let now = Timestamp.now()
        let foundationNow = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(abs(now.millisecondsSince1970 - foundationNow) < 5_000)
    }
}
