/// A function's execution environments, as Lambda scales a function out: an invocation goes to an idle
/// environment (warm ones are reused first), or to a new one while the function has fewer than its
/// limit, each with its own Runtime API and its own runtime process (and so its own init). Beyond the
/// limit a synchronous invocation is throttled; an asynchronous one waits, as Lambda's event queue does.
///
/// An environment takes one invocation at a time. Serving several at once (Lambda Managed Instances)
/// would only change `isIdle` into "has a free slot" and `busy` into a count.
actor EnvironmentPool {
    enum WhenAllBusy {
        case throttle
        case wait
    }

    let function: FunctionConfiguration
    let maximumEnvironments: Int
    /// Creates an environment and starts its Runtime API (the first one on the function's configured port).
    private let makeEnvironment: @Sendable (_ isFirst: Bool) async throws -> FunctionSandbox

    private var environments: [(sandbox: FunctionSandbox, busy: Bool)] = []
    /// Environments being created: they count against the limit already.
    private var creating = 0
    private var waiting: [CheckedContinuation<Int?, Never>] = []
    private var isShutDown = false

    /// - Parameter maximumEnvironments: at most this many environments at once; a runtime started by
    ///   someone else polls one Runtime API, so such a function has exactly one.
    init(function: FunctionConfiguration, maximumEnvironments: Int,
         makeEnvironment: @escaping @Sendable (_ isFirst: Bool) async throws -> FunctionSandbox) {
        self.function = function
        self.maximumEnvironments = function.executable == nil ? 1 : max(1, maximumEnvironments)
        self.makeEnvironment = makeEnvironment
    }

    /// The first environment, so its Runtime API listens from the start (a runtime started elsewhere
    /// connects to it). Returns its address.
    func startFirstEnvironment() async throws -> String {
        let index = try await createEnvironment()
        environments[index].busy = false
        return await environments[index].sandbox.runtimeAPIAddress ?? ""
    }

    /// Runs the invocation in an environment; nil when it was throttled.
    func invoke(_ request: InvocationRequest, requestID: String, whenAllBusy: WhenAllBusy) async -> InvocationResult? {
        let index: Int
        switch await reserveEnvironment(whenAllBusy) {
        case .reserved(let reserved): index = reserved
        case .throttled: return nil
        case .unavailable(let error): return error.result(requestID: requestID)
        }
        let result = await environments[index].sandbox.invoke(request, requestID: requestID)
        release(index)
        return result
    }

    func shutDown() async {
        isShutDown = true
        waiting.forEach { $0.resume(returning: nil) }
        waiting.removeAll()
        for environment in environments { await environment.sandbox.shutDown() }
    }

    // MARK: Reserving and releasing environments

    private enum Reservation {
        case reserved(Int)
        case throttled
        case unavailable(FunctionError)
    }

    private func reserveEnvironment(_ whenAllBusy: WhenAllBusy) async -> Reservation {
        if isShutDown { return .unavailable(FunctionSandbox.unavailable) }
        if let idle = environments.firstIndex(where: { !$0.busy }) {
            environments[idle].busy = true
            return .reserved(idle)
        }
        if environments.count + creating < maximumEnvironments {
            do {
                return .reserved(try await createEnvironment())
            } catch {
                return .unavailable(FunctionError(
                    type: "Runtime.Unavailable", message: "cannot start an execution environment: \(error)"))
            }
        }
        guard whenAllBusy == .wait else { return .throttled }
        // `release` hands its environment straight to the first waiter, still marked busy.
        let handedOver = await withCheckedContinuation { waiting.append($0) }
        guard let handedOver else { return .unavailable(FunctionSandbox.unavailable) }
        return .reserved(handedOver)
    }

    /// Creates an environment, marked busy for whoever asked for it.
    private func createEnvironment() async throws -> Int {
        creating += 1
        defer { creating -= 1 }
        let sandbox = try await makeEnvironment(environments.isEmpty && creating == 1)
        // Shut down while its Runtime API started: it must not start a runtime nobody would stop.
        if isShutDown { await sandbox.shutDown() }
        environments.append((sandbox, true))
        return environments.count - 1
    }

    private func release(_ index: Int) {
        if waiting.isEmpty {
            environments[index].busy = false
        } else {
            waiting.removeFirst().resume(returning: index)
        }
    }
}
