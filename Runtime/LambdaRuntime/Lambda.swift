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
        fatalError("the runtime loop is not written yet")  // the runtime issue replaces this
    }

    public static func run<Handler: ByteHandler>(
        bytes makeHandler: @escaping @Sendable (LambdaInitContext) async throws -> Handler
    ) -> Never {
        fatalError("the runtime loop is not written yet")  // the runtime issue replaces this
    }
}
