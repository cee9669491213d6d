import ArgumentParser

@main
struct LambdaLocal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda-local",
        abstract: "Run the package's Lambda functions locally, through a real Lambda Runtime API.",
        subcommands: [Invoke.self, Serve.self])
}
