import HTTPClient
import LambdaSystem

/// The AWS SDKs' "standard" retry mode: a few attempts, exponential backoff with full jitter, and retries
/// only for throttling, server faults and transient network failures.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// A uniform random number in 0..<1 (injectable so tests see exact delays).
    public var random: @Sendable () -> Double
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(20),
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
        self.sleep = sleep
    }

    public static let standard = RetryPolicy()
    public static let none = RetryPolicy(maxAttempts: 1)

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "InternalError"]

    public func isRetryable(_ error: any Error) -> Bool {
        switch error {
        case let error as AWSError:
            error.status == 429 || error.status >= 500 || Self.throttlingCodes.contains(error.code)
                || Self.transientCodes.contains(error.code)
        case let error as HTTPClientError:
            error.isTransient
        default:
            false
        }
    }

    /// The pause before retry number `retry` (1 for the first retry): random in 0...min(max, base * 2^(retry-1)).
    public func delay(beforeRetry retry: Int) -> Duration {
        ExponentialBackoff(baseDelay: baseDelay, maxDelay: maxDelay).ceiling(beforeRetry: retry) * random()
    }

    /// Runs `attempt` until it succeeds, fails for good, or the attempts are used up.
    public func run<Result: Sendable>(_ attempt: (_ number: Int) async throws -> Result) async throws -> Result {
        var number = 1
        while true {
            do {
                return try await attempt(number)
            } catch {
                guard number < maxAttempts, isRetryable(error), !Task.isCancelled else { throw error }
                try await sleep(delay(beforeRetry: number))
                number += 1
            }
        }
    }
}
