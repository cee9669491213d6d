import Foundation
import LocalLambda
import Synchronization

/// The executables the test target depends on, built beside the test bundle.
enum Executables {
    static let directory: String = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") } ?? CommandLine.arguments[0])
        var url = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? bundle.path)
        while !url.path.isEmpty, url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("RuntimeProbe").path) {
                return url.path
            }
        }
        return bundle.deletingLastPathComponent().path
    }()

    static var probe: String { directory + "/RuntimeProbe" }
    static var echo: String { directory + "/Echo" }
}

/// Collects what the emulator logs, so a test can assert the START/END/REPORT lines and the function's output.
final class CapturedLog: LogSink {
    private let bytes = Mutex<[UInt8]>([])

    func write(_ chunk: UnsafeRawBufferPointer) {
        bytes.withLock { $0 += chunk }
    }

    var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }

    /// The lines that are JSON objects.
    var jsonLines: [[String: Any]] {
        text.split(separator: "\n").compactMap { jsonObject(Array($0.utf8)) as? [String: Any] }
    }

    func count(of needle: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}

extension LocalLambda {
    /// The RuntimeProbe (or another function) as a single-function emulator with its log captured.
    static func probe(
        executable: String? = Executables.probe, name: String = "RuntimeProbe", variables: [String: String] = [:],
        timeoutSeconds: Int = 20, memoryMB: Int = 128, logFormat: String? = nil, runtimeAPIPort: Int = 0,
        invokeAPIPort: Int? = nil, maximumEnvironments: Int = 10, log: CapturedLog
    ) -> LocalLambda {
        LocalLambda(
            functions: [FunctionConfiguration(
                name: name, executable: executable, variables: variables, timeoutSeconds: timeoutSeconds,
                memoryMB: memoryMB, logFormat: logFormat, runtimeAPIPort: runtimeAPIPort)],
            invokeAPIPort: invokeAPIPort, maximumEnvironments: maximumEnvironments, log: log,
            callerEnvironment: ProcessInfo.processInfo.environment)
    }

    func invoke(_ function: String = "RuntimeProbe", json: String, clientContext: String? = nil,
                cognitoIdentity: String? = nil) async throws -> InvocationResult {
        try await invoke(function, InvocationRequest(payload: Array(json.utf8), clientContext: clientContext,
                                                     cognitoIdentity: cognitoIdentity))
    }
}

extension InvocationResult {
    var text: String { String(decoding: payload, as: UTF8.self) }

    /// The `{"errorMessage","errorType"}` body of a failed invocation.
    var error: ErrorBody? { try? JSONDecoder().decode(ErrorBody.self, from: Data(payload)) }
}

struct ErrorBody: Decodable, Equatable {
    let errorMessage: String
    let errorType: String
}

/// Parses JSON for comparisons that must not depend on key order or spacing.
func jsonObject(_ bytes: [UInt8]) -> NSObject? {
    try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? NSObject
}
