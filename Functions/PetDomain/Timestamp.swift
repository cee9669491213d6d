#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Date {
    /// The form the pet food table stores times in (`updated_at`): ISO 8601 in UTC with milliseconds,
    /// e.g. `2026-11-22T00:31:04.125Z`.
    public var petfoodTimestamp: String {
        formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
