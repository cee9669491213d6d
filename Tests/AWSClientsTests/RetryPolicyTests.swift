import HTTPClient
import Synchronization
import Testing

@testable import AWSClients

/// Records the pauses a policy takes instead of sleeping.
final class SleepRecorder: Sendable {
    let delays = Mutex<[Duration]>([])
    var recorded: [Duration] { delays.withLock { $0 } }

    func policy(maxAttempts: Int = 3, random: Double = 0.5) -> RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, random: { random }, sleep: { delay in
            self.delays.withLock { $0.append(delay) }
        })
    }
}

@Suite struct RetryPolicyTests {
    static let throttled = AWSError(code: "ThrottlingException", message: "slow down", status: 400)

    @Test func retriesThrottlingUpToThreeAttemptsWithJitteredBackoff() async throws {
        let recorder = SleepRecorder()
        let attempts = Mutex(0)
        await #expect(throws: AWSError.self) {
            try await recorder.policy().run { _ in
                attempts.withLock { $0 += 1 }
                throw Self.throttled
            }
        }
        #expect(attempts.withLock { $0 } == 3)
        // random 0.5 of base 100 ms * 2^(retry-1)
        #expect(recorder.recorded == [.milliseconds(50), .milliseconds(100)])
    }

    @Test func succeedsAfterATransientFailure() async throws {
        let recorder = SleepRecorder()
        let result = try await recorder.policy().run { attempt in
            if attempt == 1 { throw HTTPClientError(kind: .connectionLost, message: "reset") }
            return attempt
        }
        #expect(result == 2)
        #expect(recorder.recorded.count == 1)
    }

    @Test func delaysAreCappedAtTwentySeconds() {
        let policy = SleepRecorder().policy(maxAttempts: 20, random: 0.999_999)
        #expect(policy.delay(beforeRetry: 1) < .milliseconds(100))
        #expect(policy.delay(beforeRetry: 15) <= .seconds(20))
        #expect(policy.delay(beforeRetry: 15) > .seconds(19))
        #expect(SleepRecorder().policy(random: 0).delay(beforeRetry: 3) == .zero)
    }

    @Test(arguments: [
        AWSError(code: "ThrottlingException", message: "", status: 400),
        AWSError(code: "ProvisionedThroughputExceededException", message: "", status: 400),
        AWSError(code: "TooManyRequestsException", message: "", status: 400),
        AWSError(code: "RequestLimitExceeded", message: "", status: 400),
        AWSError(code: "SlowDown", message: "", status: 503),
        AWSError(code: "Whatever", message: "", status: 429),
        AWSError(code: "InternalServerError", message: "", status: 500),
        AWSError(code: "ServiceUnavailable", message: "", status: 503),
    ])
    func retryable(_ error: AWSError) {
        #expect(RetryPolicy.standard.isRetryable(error))
    }

    @Test(arguments: [
        AWSError(code: "ValidationException", message: "", status: 400),
        AWSError(code: "ConditionalCheckFailedException", message: "", status: 400),
        AWSError(code: "ResourceNotFoundException", message: "", status: 400),
        AWSError(code: "SignatureDoesNotMatch", message: "", status: 403),
        AWSError(code: "NoSuchKey", message: "", status: 404),
    ])
    func notRetryable(_ error: AWSError) async throws {
        #expect(!RetryPolicy.standard.isRetryable(error))
        let recorder = SleepRecorder()
        let attempts = Mutex(0)
        await #expect(throws: AWSError.self) {
            try await recorder.policy().run { _ in
                attempts.withLock { $0 += 1 }
                throw error
            }
        }
        #expect(attempts.withLock { $0 } == 1)
        #expect(recorder.recorded.isEmpty)
    }

    @Test func networkErrorsAreRetriedButTLSFailuresAreNot() {
        #expect(RetryPolicy.standard.isRetryable(HTTPClientError(kind: .timedOut, message: "")))
        #expect(RetryPolicy.standard.isRetryable(HTTPClientError(kind: .connectionFailed, message: "")))
        #expect(!RetryPolicy.standard.isRetryable(HTTPClientError(kind: .tlsFailure, message: "")))
        #expect(!RetryPolicy.standard.isRetryable(CancellationError()))
    }
}
