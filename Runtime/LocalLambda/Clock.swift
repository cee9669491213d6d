#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two clocks the emulator reads: wall time for deadlines, monotonic time for durations.
enum Clock {
    static func epochMilliseconds() -> Int64 {
        read(CLOCK_REALTIME) / 1_000_000
    }

    static func monotonicNanoseconds() -> Int64 {
        read(CLOCK_MONOTONIC)
    }

    static func milliseconds(since start: Int64) -> Double {
        Double(monotonicNanoseconds() - start) / 1_000_000
    }

    private static func read(_ clock: clockid_t) -> Int64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
