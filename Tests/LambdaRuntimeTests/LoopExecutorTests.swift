#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

@testable import LambdaRuntime
import LambdaSystem

/// Lambda runs `LoopExecutor` on the main thread; here it gets a thread of its own, parked for the
/// rest of the test process once the test is done.
private func startExecutorThread(_ executor: LoopExecutor) -> pthread_t {
    runOnDetachedThread { executor.run() }
}

private actor Counter {
    var value = 0
    func increment() -> Int {
        value += 1
        return value
    }
}

@Suite struct LoopExecutorTests {
    @Test func theLoopAndWhatItAwaitsRunOnTheExecutorsThread() async throws {
        let executor = LoopExecutor()
        let thread = startExecutorThread(executor)
        let counter = Counter()

        let threads = try await Task(executorPreference: executor) { () -> [pthread_t] in
            let atStart = pthread_self()
            async let child = pthread_self()  // child tasks inherit the preference
            let childThread = await child
            try await Task.sleep(for: .milliseconds(5))  // resumed by a timer on another thread
            let afterSleep = pthread_self()
            _ = await counter.increment()  // an actor hop, and back
            let afterActor = pthread_self()
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // A continuation resumed from a foreign thread, as an HTTP client's would be.
                runOnDetachedThread { continuation.resume() }
            }
            return [atStart, childThread, afterSleep, afterActor, pthread_self()]
        }.value

        #expect(threads.count == 5)
        for (index, ran) in threads.enumerated() {
            #expect(pthread_equal(ran, thread) != 0, "step \(index) ran off the executor's thread")
        }
    }
}
