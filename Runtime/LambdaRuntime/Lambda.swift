
/// The entry point of a function's `main.swift`:
///
///     Lambda.run { context in
///         try MyHandler(table: context.environment.required("TABLE_NAME"))
///     }
///
/// The closure runs once (Lambda's init phase); an error it throws is reported to
/// `/runtime/init/error` and the process exits non-zero. Then the runtime serves invocations until
/// Lambda stops the process.
public enum Lambda {
    public static func run<Handler: LambdaHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitContext) async throws -> Handler
    ) -> Never {
        start { context in JSONHandlerProcessor(handler: try await makeHandler(context)) }
    }

    public static func run<Handler: ByteHandler>(
        bytes makeHandler: @escaping @Sendable (LambdaInitContext) async throws -> Handler
    ) -> Never {
        start { context in ByteHandlerProcessor(handler: try await makeHandler(context)) }
    }

    /// The threading model: the whole runtime runs on the main thread. `LoopExecutor` turns the main
    /// thread into a task executor, and the loop's task prefers it, so the loop, the handler and every
    /// nonisolated async function they call run there; nothing starts another thread.
    ///
    /// The loop calls curl directly and blocks in `/next` while the function is idle, when there is
    /// nothing else to run (Lambda runs one invocation at a time and freezes the process in between).
    /// What this buys: a handler that does not suspend runs on the thread that received the event,
    /// with no hop and no context switch per invocation, and the cold start creates no thread at all.
    /// The alternatives cost more. A dedicated curl thread handing each event to the cooperative pool
    /// pays two thread wake-ups per invocation. Running the loop as a task on the global executor
    /// starts dispatch's worker threads, and parking the main thread in `dispatchMain()` ends in
    /// `pthread_exit`, whose unwinding sorts every frame description of a static binary: measured with
    /// rapid-emu, a 7 ms cold start against 2 ms for this design.
    ///
    /// A handler that awaits I/O suspends normally and resumes here when its continuation is
    /// resumed. Work a handler sends to another executor (an actor, `Task.detached`) runs on Swift's
    /// global pool as usual. The one thing that cannot work is the main actor: its queue is never
    /// drained, because the main thread is this loop.
    private static func start<Processor: InvocationProcessor>(
        _ makeProcessor: @escaping @Sendable (LambdaInitContext) async throws -> Processor
    ) -> Never {
        let executor = LoopExecutor()
        Task(executorPreference: executor) { await RuntimeLoop.start(makeProcessor) }
        executor.run()
    }
}
