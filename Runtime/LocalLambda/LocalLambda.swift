#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The emulator: per function a pool of execution environments, each with its own Runtime API on its
/// own 127.0.0.1 port (as each Lambda execution environment has its own), an optional Invoke API in
/// front of them, and the functions' runtimes, which it starts on an environment's first invocation and
/// restarts after a crash, a timeout or a failed init.
public struct LocalLambda: Sendable {
    private let pools: [String: EnvironmentPool]
    private let invokeAPIPort: Int?
    private let servers: LocalServers
    private let region: String

    /// - Parameters:
    ///   - invokeAPIPort: where to serve the Invoke API (0 picks a free port); nil serves none.
    ///   - maximumEnvironments: how many execution environments each function may have at once; an
    ///     invocation of the Invoke API beyond them is throttled (429), as Lambda throttles beyond a
    ///     function's concurrency.
    ///   - log: where the START/END/REPORT lines and the functions' output go.
    ///   - callerEnvironment: whose AWS settings the runtimes inherit.
    public init(
        functions: [FunctionConfiguration],
        invokeAPIPort: Int? = nil,
        maximumEnvironments: Int = 10,
        log: any LogSink = .standardError,
        callerEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let servers = LocalServers()
        pools = Dictionary(uniqueKeysWithValues: functions.map { function in
            let pool = EnvironmentPool(function: function, maximumEnvironments: maximumEnvironments) { isFirst in
                let sandbox = FunctionSandbox(function: function, log: log, callerEnvironment: callerEnvironment)
                let port = try await servers.start(
                    runtimeAPIRouter(for: sandbox), port: isFirst ? function.runtimeAPIPort : 0)
                await sandbox.listening(onRuntimeAPI: "127.0.0.1:\(port)")
                return sandbox
            }
            return (function.name, pool)
        })
        self.servers = servers
        self.invokeAPIPort = invokeAPIPort
        region = functions.first?.region ?? "us-east-1"
    }

    /// Invokes `function` and waits for its result (RequestResponse); when all its environments are
    /// busy, it waits for one.
    public func invoke(_ function: String, _ request: InvocationRequest) async throws(UnknownFunction)
        -> InvocationResult
    {
        guard let pool = pools[function] else { throw UnknownFunction(name: function) }
        let result = await pool.invoke(request, requestID: Identifiers.requestID(), whenAllBusy: .wait)
        return result ?? FunctionSandbox.unavailable.result(requestID: Identifiers.requestID())
    }

    /// Serves the APIs while `body` runs; afterwards kills the runtimes and closes every server.
    public func run<Result: Sendable>(_ body: (Endpoints) async throws -> Result) async throws -> Result {
        do {
            var runtimeAPIs: [String: String] = [:]
            for (name, pool) in pools {
                runtimeAPIs[name] = try await pool.startFirstEnvironment()
            }
            var invokePort: Int?
            if let invokeAPIPort {
                invokePort = try await servers.start(invokeAPIRouter(for: pools, region: region), port: invokeAPIPort)
            }
            let result = try await body(Endpoints(invokeAPIPort: invokePort, runtimeAPIs: runtimeAPIs))
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }

    /// Parked `/next` requests would hold a graceful shutdown open forever, so the environments let go first.
    private func stop() async {
        for pool in pools.values { await pool.shutDown() }
        await servers.shutDown()
    }
}

/// Where a running emulator listens.
public struct Endpoints: Sendable {
    /// The Invoke API's port, when one was asked for.
    public let invokeAPIPort: Int?
    /// Each function's first environment's `AWS_LAMBDA_RUNTIME_API` (`127.0.0.1:PORT`).
    public let runtimeAPIs: [String: String]
}

public struct UnknownFunction: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "no function named \(name)" }
}
