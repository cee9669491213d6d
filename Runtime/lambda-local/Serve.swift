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

    @OptionGroup var options: FunctionOptions

    func validate() throws {
        guard !functions.isEmpty else { throw ValidationError("name at least one --function") }
    }

    func run() async throws {
        let emulator = LocalLambda(functions: try await options.functions(functions), invokeAPIPort: port)
        try await emulator.run { endpoints in
            FileDescriptorSink.standardError.write(line: "lambda-local: Invoke API on http://127.0.0.1:\(endpoints.invokeAPIPort ?? port)"
                + " for \(functions.joined(separator: ", "))")
            for await _ in await UnixSignalsSequence(trapping: .sigint, .sigterm) { break }
        }
    }
}
