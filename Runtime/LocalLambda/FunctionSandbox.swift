import LambdaSystem

/// One execution environment of a function: its queue of invocations, its runtime process and the state
/// of the Runtime API conversation with that process. One invocation at a time, first come first served,
/// as in a Lambda execution environment; `EnvironmentPool` runs several side by side.
///
/// An invocation is *started* when it leaves the queue (a cold start then has Lambda's 10 s init limit),
/// *dispatched* when `/next` hands it to the runtime (its timeout and deadline run from then), and
/// *finished* by `/response`, `/error`, an oversized response, an init failure, the runtime exiting, or
/// a timeout.
actor FunctionSandbox {
    let function: FunctionConfiguration
    private let log: PlatformLog
    /// The runtime's output and the platform lines, kept per invocation for `X-Amz-Log-Type: Tail`.
    private let output: InvocationLog
    private let callerEnvironment: [String: String]
    /// `127.0.0.1:PORT` once the Runtime API listens.
    private(set) var runtimeAPIAddress: String?

    private var queue: [Queued] = []
    private var current: Started?
    /// The last finished request id: a second `/response` for it is an illegal state transition.
    private var lastFinishedID: String?
    /// The invocation id of the last invocation the runtime answered (not one that timed out).
    private var lastAnsweredInvocationID: String?
    private var runtime: Runtime?
    private var parkedPoll: Poll?
    /// Tells a runtime's exit apart from its predecessors' (which were killed on purpose).
    private var runtimeGeneration = 0
    /// Set by `shutDown`: from then on polls are dropped and invocations refused.
    private var isShutDown = false
    /// VmHWM survives neither a crash nor a kill; the last reading stands in for it.
    private var lastPeakMemoryMB = 0

    init(function: FunctionConfiguration, log: any LogSink, callerEnvironment: [String: String]) {
        self.function = function
        self.output = InvocationLog(forwardingTo: log)
        self.log = PlatformLog(sink: output, json: function.logFormat == "JSON")
        self.callerEnvironment = callerEnvironment
    }

    func listening(onRuntimeAPI address: String) {
        runtimeAPIAddress = address
    }

    // MARK: The caller's side

    func invoke(_ request: InvocationRequest, requestID: String = Identifiers.requestID()) async -> InvocationResult {
        if isShutDown { return Self.unavailable.result(requestID: requestID) }
        return await withCheckedContinuation { continuation in
            queue.append(Queued(id: requestID, request: request, continuation: continuation))
            startNextIfIdle()
        }
    }

    // MARK: The runtime's side (the Runtime API routes call these)

    /// `GET /runtime/invocation/next`: the invocation to work on, as soon as there is one.
    func next(connection: Connection) async -> NextResult {
        if isShutDown { return .disconnect }
        if case .initFailed = runtime?.phase { return .rejected(.invalidStateTransition) }
        if case .initializing = runtime?.phase {
            runtime?.phase = .ready
            if let started = current, started.coldStart {
                current?.initDurationMs = SystemClock.milliseconds(since: started.startedAt)
            }
        }
        if let started = current {
            // A repeated `/next` while an invocation is in flight gets the same event again (RIE).
            return .event(dispatch(started))
        }
        disconnectPoll()
        return await withCheckedContinuation { parkedPoll = Poll(connection: connection, continuation: $0) }
    }

    /// `POST /runtime/invocation/{id}/response`, `/error`, or a response the route refused as too large.
    /// `invocationID` is the `Lambda-Runtime-Invocation-Id` the runtime echoed, if it echoes one.
    func finish(requestID: String, invocationID: String?, with report: RuntimeReport) -> RuntimeAPIError? {
        // An echo of neither the invocation in flight nor the one just answered is a late result: its
        // invocation timed out, even when a later invoke reuses its request id (Lambda's rule). Otherwise,
        // and without an echo, the RIE's rules stand (a second answer is still a 403).
        if let invocationID, invocationID != current?.invocationID, invocationID != lastAnsweredInvocationID {
            return .invokeTimeout
        }
        guard let started = current, started.dispatchedAt != nil, started.queued.id == requestID else {
            // Like the RIE: an id other than the one in flight is invalid; the one just answered, while
            // no other is in flight, is a second answer.
            let inFlight = current?.dispatchedAt != nil
            return !inFlight && requestID == lastFinishedID ? .invalidStateTransition : .invalidRequestID
        }
        switch report {
        case .response(let payload, let contentType):
            finish(started, with: .response(payload: payload, contentType: contentType))
            return nil
        case .error(let type, let body):
            finish(started, with: .error(FunctionError(reportedType: type, body: body)))
            return nil
        case .oversizedResponse(let size):
            let message = "Response payload size (\(size) bytes) exceeded maximum allowed payload size"
                + " (\(RuntimeAPILimits.maximumResponseBytes) bytes)."
            finish(started, with: .error(FunctionError(type: "Function.ResponseSizeTooLarge", message: message)))
            return .requestEntityTooLarge
        }
    }

    /// `POST /runtime/init/error`: the error goes to the invocation that triggered the init once the
    /// runtime has exited (as it must), which the caller then learns too.
    func initFailed(type: String?, body: [UInt8]) -> RuntimeAPIError? {
        let error = FunctionError(reportedType: type, body: body)
        guard let runtime else {
            // A runtime started elsewhere: nothing to wait for.
            guard let started = current, started.dispatchedAt == nil else { return .invalidStateTransition }
            finish(started, with: .error(error))
            return nil
        }
        guard case .initializing = runtime.phase else { return .invalidStateTransition }
        self.runtime?.phase = .initFailed(error)
        let generation = runtime.generation
        Task {
            try? await Task.sleep(for: RuntimeAPILimits.exitGracePeriod)
            self.abandonFailedInit(generation: generation)
        }
        return nil
    }

    /// A runtime that reported an init error but did not exit: killed, and the caller gets the error anyway.
    private func abandonFailedInit(generation: Int) {
        guard let runtime, runtime.generation == generation, case .initFailed(let error) = runtime.phase else { return }
        killRuntime(generation: generation)
        if let current { finish(current, with: .error(error)) }
    }

    /// Stops everything: the runtime is killed, waiting callers get an error, a parked poll is dropped.
    func shutDown() {
        isShutDown = true
        killRuntime(generation: runtime?.generation)
        disconnectPoll()
        for queued in queue {
            queued.continuation.resume(returning: Self.unavailable.result(requestID: queued.id))
        }
        queue.removeAll()
        if let current { finish(current, with: .error(Self.unavailable)) }
    }

    static let unavailable = FunctionError(type: "Runtime.Unavailable", message: "the emulator is shutting down")

    /// Drops a parked poll: its connection is closed without an answer, as when Lambda goes away.
    private func disconnectPoll() {
        parkedPoll?.continuation.resume(returning: .disconnect)
        parkedPoll = nil
    }

    // MARK: Moving invocations along

    private func startNextIfIdle() {
        guard current == nil, !queue.isEmpty else { return }
        let queued = queue.removeFirst()
        let coldStart = runtime == nil && function.executable != nil
        // Until the runtime takes the invocation, Lambda's init limit applies to a runtime started here;
        // one started elsewhere may take as long as it likes to connect.
        current = Started(
            queued: queued,
            startedAt: SystemClock.monotonicNanoseconds(),
            traceID: Identifiers.traceID(epochSeconds: SystemClock.epochMilliseconds() / 1000),
            coldStart: coldStart,
            timer: function.executable == nil
                ? nil : timer(seconds: RuntimeAPILimits.initSeconds, for: queued.id, dispatched: false))
        output.startRecording()
        log.start(requestID: queued.id)
        if coldStart, let failure = startRuntime() {
            finish(current!, with: .error(failure))
            return
        }
        if let poll = takeLivePoll() {
            poll.continuation.resume(returning: .event(dispatch(current!)))
        }
    }

    private func timer(seconds: Int, for requestID: String, dispatched: Bool) -> Task<Void, Never> {
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            if !Task.isCancelled { self.timedOut(requestID: requestID, dispatched: dispatched, after: seconds) }
        }
    }

    /// Starts the runtime; the error the invocation gets when it cannot be started.
    private func startRuntime() -> FunctionError? {
        guard let executable = function.executable, let runtimeAPI = runtimeAPIAddress else { return nil }
        runtimeGeneration += 1
        let generation = runtimeGeneration
        let environment = RuntimeEnvironment.variables(
            for: function, runtimeAPI: runtimeAPI, caller: callerEnvironment,
            epochSeconds: SystemClock.epochMilliseconds() / 1000)
        do {
            let process = try ChildProcess.spawn(executable: executable, environment: environment, output: output) {
                exit in Task { await self.runtimeExited(generation: generation, exit) }
            }
            runtime = Runtime(process: process, generation: generation, phase: .initializing)
            return nil
        } catch {
            return FunctionError(type: "Runtime.InvalidEntrypoint",
                                 message: "RequestId: \(current?.queued.id ?? "") Error: \(error)")
        }
    }

    /// Hands `started` to the runtime; the first time, its timeout starts to run, as on Lambda.
    private func dispatch(_ started: Started) -> NextEvent {
        var started = started
        if started.dispatchedAt == nil {
            started.timer?.cancel()
            started.timer = timer(seconds: function.timeoutSeconds, for: started.queued.id, dispatched: true)
            started.dispatchedAt = SystemClock.monotonicNanoseconds()
            started.invocationID = Identifiers.requestID()
            started.deadlineMs = SystemClock.epochMilliseconds() + Int64(function.timeoutSeconds) * 1000
            current = started
            // Measured now as well: a runtime that crashes during the invocation leaves no VmHWM behind.
            if let peak = runtime?.process.peakMemoryMB() { lastPeakMemoryMB = peak }
        }
        let request = started.queued.request
        return NextEvent(
            requestID: started.queued.id, invocationID: started.invocationID ?? "",
            deadlineMs: started.deadlineMs, functionARN: function.arn,
            traceID: started.traceID, clientContext: request.clientContext,
            cognitoIdentity: request.cognitoIdentity, tenantID: request.tenantID, payload: request.payload)
    }

    /// The parked poll, unless its connection died while it waited (a killed runtime's last `/next`).
    private func takeLivePoll() -> Poll? {
        defer { parkedPoll = nil }
        guard let poll = parkedPoll else { return nil }
        guard poll.connection.isOpen() else {
            poll.continuation.resume(returning: .disconnect)
            return nil
        }
        return poll
    }

    private func timedOut(requestID: String, dispatched: Bool, after seconds: Int) {
        // The init timer may fire just as the invocation is dispatched: then it no longer counts.
        guard let started = current, started.queued.id == requestID, (started.dispatchedAt != nil) == dispatched
        else { return }
        let message = "\(UTCTime(epochMilliseconds: SystemClock.epochMilliseconds()).iso8601) \(requestID)"
            + " Task timed out after \(seconds).00 seconds"
        log.line(message)
        if let peak = runtime?.process.peakMemoryMB() { lastPeakMemoryMB = peak }
        killRuntime(generation: runtime?.generation)
        finish(started, with: .error(FunctionError(type: "Sandbox.Timedout", message: message)), status: .timeout)
    }

    private func runtimeExited(generation: Int, _ exit: ProcessExit) {
        guard let runtime, runtime.generation == generation else { return }  // killed on purpose
        self.runtime = nil
        disconnectPoll()
        guard let started = current else {
            log.line("Runtime exited with error: \(exit)")
            return
        }
        if case .initFailed(let error) = runtime.phase {
            log.line("RequestId: \(started.queued.id) Error: Runtime exited with error: \(exit)")
            finish(started, with: .error(error))
        } else {
            let message = "RequestId: \(started.queued.id) Error: Runtime exited with error: \(exit)"
            log.line(message + "\nRuntime.ExitError")
            finish(started, with: .error(FunctionError(type: "Runtime.ExitError", message: message)))
        }
    }

    private func killRuntime(generation: Int?) {
        guard let runtime, runtime.generation == generation else { return }
        runtime.process.kill()
        self.runtime = nil
        disconnectPoll()
    }

    private func finish(_ started: Started, with outcome: Outcome, status: PlatformLog.Report.Status? = nil) {
        started.timer?.cancel()
        current = nil
        lastFinishedID = started.queued.id
        if case .timeout? = status { lastAnsweredInvocationID = nil } else { lastAnsweredInvocationID = started.invocationID }
        if let peak = runtime?.process.peakMemoryMB() { lastPeakMemoryMB = peak }

        // A runtime that never became ready spent all the time so far initialising.
        let initDurationMs = started.coldStart
            ? started.initDurationMs ?? SystemClock.milliseconds(since: started.startedAt) : nil
        var result: InvocationResult
        let reportStatus: PlatformLog.Report.Status
        switch outcome {
        case .response(let payload, let contentType):
            result = InvocationResult(requestID: started.queued.id, payload: payload, contentType: contentType,
                                      functionError: nil)
            reportStatus = .success
        case .error(let error):
            result = error.result(requestID: started.queued.id)
            reportStatus = status ?? .error(error.type)
        }
        log.end(requestID: started.queued.id, report: .init(
            durationMs: SystemClock.milliseconds(since: started.dispatchedAt ?? started.startedAt),
            initDurationMs: initDurationMs, memorySizeMB: function.memoryMB,
            maxMemoryUsedMB: lastPeakMemoryMB, status: reportStatus))
        result.logTail = output.stopRecording()
        started.queued.continuation.resume(returning: result)
        startNextIfIdle()
    }

    // MARK: State

    private struct Queued {
        let id: String
        let request: InvocationRequest
        let continuation: CheckedContinuation<InvocationResult, Never>
    }

    private struct Started {
        let queued: Queued
        let startedAt: Int64
        let traceID: String
        /// This invocation started the runtime: its REPORT carries the init duration.
        let coldStart: Bool
        /// The init limit until dispatch, the function timeout from then on.
        var timer: Task<Void, Never>?
        var deadlineMs: Int64 = 0
        var initDurationMs: Double?
        var dispatchedAt: Int64?
        /// Made at dispatch, a fresh nonce per invoke (a repeated `/next` resends it with the event).
        var invocationID: String?
    }

    private struct Runtime {
        enum Phase {
            case initializing
            case ready
            case initFailed(FunctionError)
        }
        let process: ChildProcess
        let generation: Int
        var phase: Phase
    }

    private struct Poll {
        let connection: Connection
        let continuation: CheckedContinuation<NextResult, Never>
    }

    private enum Outcome {
        case response(payload: [UInt8], contentType: String)
        case error(FunctionError)
    }
}

/// What the runtime reports for an invocation.
enum RuntimeReport {
    case response(payload: [UInt8], contentType: String)
    case error(type: String?, body: [UInt8])
    case oversizedResponse(size: Int)
}

/// The HTTP connection a `/next` waits on, so an event is never handed to a runtime that is gone.
struct Connection: Sendable {
    let isOpen: @Sendable () -> Bool
}

/// The answer to `/next`.
enum NextResult: Sendable {
    case event(NextEvent)
    case rejected(RuntimeAPIError)
    /// Close the connection without answering, as a restarting Lambda would.
    case disconnect
}

struct NextEvent: Sendable {
    let requestID: String
    let invocationID: String
    let deadlineMs: Int64
    let functionARN: String
    let traceID: String
    let clientContext: String?
    let cognitoIdentity: String?
    let tenantID: String?
    let payload: [UInt8]
}

extension FunctionError {
    func result(requestID: String) -> InvocationResult {
        InvocationResult(requestID: requestID, payload: payload, contentType: "application/json", functionError: type)
    }
}
