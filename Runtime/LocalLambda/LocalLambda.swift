#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The emulator: a Runtime API per function (each on its own 127.0.0.1 port, as each Lambda execution
/// environment has its own), an optional Invoke API in front of them, and the functions' runtimes, which
/// it starts on their first invocation and restarts after a crash, a timeout or a failed init.
public struct LocalLambda: Sendable {
    private let sandboxes: [String: FunctionSandbox]
    private let runtimeAPIPorts: [String: Int]
    private let invokeAPIPort: Int?

    /// - Parameters:
    ///   - invokeAPIPort: where to serve the Invoke API (0 picks a free port); nil serves none.
    ///   - log: where the START/END/REPORT lines and the functions' output go.
    ///   - callerEnvironment: whose AWS settings the runtimes inherit.
    public init(
        functions: [FunctionConfiguration],
        invokeAPIPort: Int? = nil,
        log: any LogSink = .standardError,
        callerEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        sandboxes = Dictionary(uniqueKeysWithValues: functions.map {
            ($0.name, FunctionSandbox(function: $0, log: log, callerEnvironment: callerEnvironment))
        })
        runtimeAPIPorts = Dictionary(uniqueKeysWithValues: functions.map { ($0.name, $0.runtimeAPIPort) })
        self.invokeAPIPort = invokeAPIPort
    }

    /// Invokes `function` and waits for its result (RequestResponse).
    public func invoke(_ function: String, _ request: InvocationRequest) async throws(UnknownFunction)
        -> InvocationResult
    {
        guard let sandbox = sandboxes[function] else { throw UnknownFunction(name: function) }
        return await sandbox.invoke(request)
    }

    /// Serves the APIs while `body` runs; afterwards kills the runtimes and closes every server.
    public func run<Result: Sendable>(_ body: (Endpoints) async throws -> Result) async throws -> Result {
        var logger = Logger(label: "lambda-local")
        logger.logLevel = .warning
        /// A server on 127.0.0.1 that reports the port it bound.
        func server(_ router: Router<LocalRequestContext>, port: Int) -> (port: BoundPort, service: any Service) {
            let bound = BoundPort()
            return (bound, Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                onServerRunning: { bound.resolve(.success($0.localAddress?.port ?? 0)) }, logger: logger))
        }
        // Named by function for a Runtime API, nil for the Invoke API.
        var servers: [(name: String?, port: BoundPort, service: any Service)] = sandboxes.map { name, sandbox in
            let (port, service) = server(runtimeAPIRouter(for: sandbox), port: runtimeAPIPorts[name] ?? 0)
            return (name, port, service)
        }
        if let invokeAPIPort {
            let (port, service) = server(invokeAPIRouter(for: sandboxes), port: invokeAPIPort)
            servers.append((nil, port, service))
        }
        let group = ServiceGroup(services: servers.map(\.service), logger: logger)
        let ports = servers.map(\.port)

        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                do { try await group.run() } catch {
                    ports.forEach { $0.resolve(.failure(error)) }
                    throw error
                }
            }
            do {
                var runtimeAPIs: [String: String] = [:]
                var invokePort: Int?
                for server in servers {
                    let port = try await server.port.value()
                    guard let name = server.name else { invokePort = port; continue }
                    runtimeAPIs[name] = "127.0.0.1:\(port)"
                    await sandboxes[name]?.listening(onRuntimeAPI: "127.0.0.1:\(port)")
                }
                let result = try await body(Endpoints(invokeAPIPort: invokePort, runtimeAPIs: runtimeAPIs))
                try await stop(group, tasks: &tasks)
                return result
            } catch {
                try? await stop(group, tasks: &tasks)
                throw error
            }
        }
    }

    /// Parked `/next` requests would hold a graceful shutdown open forever, so the sandboxes let go first.
    private func stop(_ group: ServiceGroup, tasks: inout ThrowingTaskGroup<Void, any Error>) async throws {
        for sandbox in sandboxes.values { await sandbox.shutDown() }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}

/// Where a running emulator listens.
public struct Endpoints: Sendable {
    /// The Invoke API's port, when one was asked for.
    public let invokeAPIPort: Int?
    /// Each function's `AWS_LAMBDA_RUNTIME_API` (`127.0.0.1:PORT`).
    public let runtimeAPIs: [String: String]
}

public struct UnknownFunction: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "no function named \(name)" }
}

/// The port a server bound, once `onServerRunning` reports it (or the error that kept it from binding).
private final class BoundPort: Sendable {
    private let state = Mutex<(Result<Int, any Error>?, [CheckedContinuation<Int, any Error>])>((nil, []))

    func resolve(_ result: Result<Int, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, any Error>] in
            guard state.0 == nil else { return [] }
            state.0 = result
            defer { state.1 = [] }
            return state.1
        }
        waiters.forEach { $0.resume(with: result) }
    }

    func value() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let known = state.withLock { state -> Result<Int, any Error>? in
                if state.0 == nil { state.1.append(continuation) }
                return state.0
            }
            if let known { continuation.resume(with: known) }
        }
    }
}
