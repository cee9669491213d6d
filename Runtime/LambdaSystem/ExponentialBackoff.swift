/// Exponential backoff: the ceiling of the pause before retry `n` (1 for the first) is
/// `min(maxDelay, baseDelay * 2^(n-1))`. The runtime loop waits the ceiling itself; the AWS clients
/// multiply it by a random factor (full jitter), so each caller keeps its own policy over one formula.
public struct ExponentialBackoff: Sendable, Equatable {
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(baseDelay: Duration, maxDelay: Duration) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public func ceiling(beforeRetry retry: Int) -> Duration {
        // 2^30 is far past any maxDelay in use, and keeps the shift defined for any retry count.
        min(maxDelay, baseDelay * (1 << min(max(retry, 1) - 1, 30)))
    }
}
