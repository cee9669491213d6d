#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The executor the runtime loop and the handler's nonisolated async code run on: the process's main
/// thread, draining a queue of jobs. See `Lambda.start` for why.
final class LoopExecutor: TaskExecutor, @unchecked Sendable {
    private let jobs = Mutex<[UnownedJob]>([])
    /// Counts queued jobs; `run` sleeps on it when there are none. Posting it is a plain atomic
    /// increment unless the main thread is asleep, so enqueueing from the main thread itself is cheap.
    private let available: UnsafeMutablePointer<sem_t>

    init() {
        available = .allocate(capacity: 1)
        sem_init(available, 0, 0)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        sem_post(available)
    }

    /// Runs jobs on the calling thread, in the order they were enqueued, forever.
    func run() -> Never {
        while true {
            while sem_wait(available) != 0 {}  // only EINTR can interrupt it
            let job = jobs.withLock { $0.removeFirst() }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
