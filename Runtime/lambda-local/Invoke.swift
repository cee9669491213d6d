#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import LocalLambda

/// One invocation through the real Runtime API: the response on stdout, the logs on stderr.
struct Invoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Invoke a function once; print its response (or error JSON) on stdout, its logs on stderr.",
        discussion: "Exits 0 when the function succeeded and 1 when it failed.")

    @Argument(help: "The function (an executable product of the package).")
    var function: String

    @Option(help: "The event JSON: a file, or - for standard input.")
    var event: String

    @Option(help: "Run this executable (e.g. a packaged bootstrap) instead of building the function.")
    var executable: String?

    @Option(help: "Client context JSON, delivered as Lambda-Runtime-Client-Context.")
    var clientContext: String?

    @Option(help: "Cognito identity JSON, delivered as Lambda-Runtime-Cognito-Identity.")
    var cognitoIdentity: String?

    @OptionGroup var options: FunctionOptions

    func run() async throws {
        let payload = try readFile(event)
        let functions = try await options.functions([function], executable: executable)
        let emulator = LocalLambda(functions: functions)
        let request = InvocationRequest(payload: payload, clientContext: clientContext, cognitoIdentity: cognitoIdentity)
        let result = try await emulator.run { _ in try await emulator.invoke(function, request) }
        var output = result.payload
        if isatty(STDOUT_FILENO) != 0 { output.append(UInt8(ascii: "\n")) }
        output.withUnsafeBytes { FileDescriptorSink.standardOutput.write($0) }
        if !result.succeeded { throw ExitCode.failure }
    }
}
