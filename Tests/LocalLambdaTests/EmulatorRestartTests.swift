import Foundation
import LocalLambda
import Testing

/// A runtime outlives a restart of its Runtime API: the loop's bounded retry reconnects to the new
/// emulator on the same port and serves its next invocation.
@Suite(.timeLimit(.minutes(1))) struct EmulatorRestartTests {
    @Test func runtimeReconnectsAfterTheEmulatorRestarts() async throws {
        let log = CapturedLog()
        let first = LocalLambda.probe(executable: nil, log: log)
        let (probe, port, exits) = try await first.run { endpoints in
            let address = try #require(endpoints.runtimeAPIs["RuntimeProbe"])
            // The runtime is started here, not by the emulator, so that it survives the emulator.
            let (exits, exited) = AsyncStream<ProcessExit>.makeStream()
            let probe = try ChildProcess.spawn(
                executable: Executables.probe,
                environment: ["AWS_LAMBDA_RUNTIME_API": address, "AWS_LAMBDA_FUNCTION_NAME": "RuntimeProbe"],
                output: log) { exited.yield($0); exited.finish() }
            let result = try await first.invoke(json: #"{"action":"echo","payload":"before"}"#)
            #expect(result.text == #""before""#)
            return (probe, Int(address.split(separator: ":").last!)!, exits)
        }
        defer { probe.kill() }

        let second = LocalLambda.probe(executable: nil, runtimeAPIPort: port, log: log)
        let result = try await second.run { _ in
            try await second.invoke(json: #"{"action":"echo","payload":"after restart"}"#)
        }
        #expect(result.text == #""after restart""#)

        // Gone for good, the emulator leaves the runtime to give up after its bounded retry.
        var exit: ProcessExit?
        for await status in exits { exit = status }
        #expect(exit != nil && exit != .exited(code: 0))
    }
}
