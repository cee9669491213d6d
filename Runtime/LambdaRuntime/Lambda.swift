import Dispatch

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
        start { context in JSONInvocations(handler: try await makeHandler(context)) }
    }

    public static func run<Handler: ByteHandler>(
        bytes makeHandler: @escaping @Sendable (LambdaInitContext) async throws -> Handler
    ) -> Never {
        start { context in ByteInvocations(handler: try await makeHandler(context)) }
    }

    /// The threading model. The whole loop runs in one task on Swift's global executor and calls curl
    /// directly, blocking that task's thread inside `/next` and the posts. That blocks one cooperative
    /// thread only while the function is idle (Lambda serves one invocation at a time, and freezes
    /// the process between them anyway), and it buys the fast path: a handler that does not suspend
    /// runs on the thread that received the event, with no hop and no context switch per invocation.
    /// A dedicated curl thread handing events to the pool measured slower (two wake-ups per invocation).
    /// A handler that awaits I/O still suspends normally: the loop waits for it like any other task.
    ///
    /// The main thread parks in `dispatchMain()` so that `@MainActor` code in a handler still runs.
    private static func start<Processor: InvocationProcessor>(
        _ makeProcessor: @escaping @Sendable (LambdaInitContext) async throws -> Processor
    ) -> Never {
        Task.detached { await RuntimeLoop.start(makeProcessor) }
        dispatchMain()
    }
}
