#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two clocks of the machine: wall time for deadlines and timestamps (the Runtime API's deadline is
/// epoch milliseconds), monotonic time for measuring how long something took.
public enum SystemClock {
    /// Wall-clock time in milliseconds since 1970 (UTC).
    public static func epochMilliseconds() -> Int64 {
        read(CLOCK_REALTIME) / 1_000_000
    }

    /// Monotonic time in nanoseconds from an arbitrary origin: only differences mean anything.
    public static func monotonicNanoseconds() -> Int64 {
        read(CLOCK_MONOTONIC)
    }

    /// Monotonic milliseconds elapsed since `start`, a `monotonicNanoseconds()` reading.
    public static func milliseconds(since start: Int64) -> Double {
        Double(monotonicNanoseconds() - start) / 1_000_000
    }

    private static func read(_ clock: clockid_t) -> Int64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
