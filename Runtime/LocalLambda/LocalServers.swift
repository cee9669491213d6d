import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The emulator's HTTP servers on 127.0.0.1, started whenever one is needed (an execution environment's
/// Runtime API is started with the environment, possibly long after the emulator) and stopped together.
final class LocalServers: Sendable {
    private struct Running {
        let group: ServiceGroup
        let task: Task<Void, Never>
    }

    private let running = Mutex<(servers: [Running], isShutDown: Bool)>(([], false))
    private let logger: Logger = {
        var logger = Logger(label: "lambda-local")
        logger.logLevel = .warning
        return logger
    }()

    /// Starts a server for `router` and returns the port it bound (0 picks a free one).
    func start(_ router: Router<LocalRequestContext>, port: Int) async throws -> Int {
        let bound = BoundPort()
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { bound.resolve(.success($0.localAddress?.port ?? 0)) }, logger: logger)
        let group = ServiceGroup(services: [application], logger: logger)
        let task = Task {
            do { try await group.run() } catch { bound.resolve(.failure(error)) }
            // A server that stopped without ever binding would otherwise leave its starter waiting.
            bound.resolve(.failure(CancellationError()))
        }
        let accepted = running.withLock { running in
            if !running.isShutDown { running.servers.append(Running(group: group, task: task)) }
            return !running.isShutDown
        }
        guard accepted else {
            await group.triggerGracefulShutdown()
            throw CancellationError()
        }
        return try await bound.value()
    }

    /// Stops every server and waits until they have closed.
    func shutDown() async {
        let servers = running.withLock { running in
            running.isShutDown = true
            return running.servers
        }
        for server in servers { await server.group.triggerGracefulShutdown() }
        for server in servers { await server.task.value }
    }
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
