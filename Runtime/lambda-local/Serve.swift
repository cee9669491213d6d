import ArgumentParser
import LocalLambda
import UnixSignals

/// The long-running emulator: Lambda's Invoke API on one port, for `aws lambda invoke --endpoint-url`
/// and the SDKs, until SIGINT or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve Lambda's Invoke API for the given functions on 127.0.0.1.")

    @Option(help: "The Invoke API port (0 picks a free one).")
    var port = 3001

    @Option(name: .customLong("function"), help: "A function to serve (repeat for more).")
    var functions: [String]

    @Option(help: ArgumentHelp(
        "How many execution environments (runtime processes) each function may run at once.",
        discussion: "A synchronous invocation beyond them gets 429 TooManyRequestsException, as a function "
            + "at its concurrency limit does on Lambda (whose account default is 1000)."))
    var maxEnvironments = 10

    @OptionGroup var options: FunctionOptions

    func validate() throws {
        guard !functions.isEmpty else { throw ValidationError("name at least one --function") }
        guard maxEnvironments >= 1 else { throw ValidationError("--max-environments must be at least 1") }
    }

    func run() async throws {
        let emulator = LocalLambda(
            functions: try await options.functions(functions), invokeAPIPort: port,
            maximumEnvironments: maxEnvironments)
        try await emulator.run { endpoints in
            FileDescriptorSink.standardError.write(line: "lambda-local: Invoke API on http://127.0.0.1:\(endpoints.invokeAPIPort ?? port)"
                + " for \(functions.joined(separator: ", "))")
            for await _ in await UnixSignalsSequence(trapping: .sigint, .sigterm) { break }
        }
    }
}
