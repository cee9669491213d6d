#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import LambdaSystem

/// The runtime, top to bottom: read the environment, set up logging, build the handler (Lambda's init
/// phase), then forever: `/next`, run the handler, `/response` or `/error`.
///
/// Nothing an invocation does stops the loop: a malformed event, a thrown error, an oversized response
/// or a rejected post is reported or logged and the next invocation is served. The process exits only
/// when the Runtime API says so (a 500), when it stays unreachable, or when init fails.
struct RuntimeLoop<Processor: InvocationProcessor> {
    /// `/next` failures in a row (transport errors or unexpected answers) before the runtime gives up.
    /// With `nextRetryDelay` that is about 3.3 s of trying: long enough for a restarting emulator, short
    /// enough that a runtime whose Runtime API is gone exits instead of hanging.
    static var nextAttemptLimit: Int { 10 }

    /// Pause before the `attempt`-th retry of `/next`: 10 ms, doubling, at most 1 s.
    static func nextRetryDelay(attempt: Int) -> Duration {
        ExponentialBackoff(baseDelay: .milliseconds(10), maxDelay: .seconds(1)).ceiling(beforeRetry: attempt)
    }

    /// Pause after a `204` from `/next`: an emulator that answers `204` at once must not make us spin.
    static var emptyPollPause: Duration { .milliseconds(5) }

    let client: RuntimeAPIClient
    let processor: Processor
    let logger: Logger
    let telemetry: TelemetryHooks
    let traceEnvironment = TraceEnvironment()

    /// Init, then the loop; never returns.
    static func start(
        _ makeProcessor: @Sendable (LambdaInitContext) async throws -> Processor
    ) async -> Never {
        let environment = LambdaEnvironment.fromProcess()
        let format = LambdaLogFormat(environmentValue: environment["AWS_LAMBDA_LOG_FORMAT"])
        let level = Logger.Level(lambdaLogLevel: environment["AWS_LAMBDA_LOG_LEVEL"])
        LoggingSystem.bootstrap { label in LambdaLogHandler(label: label, format: format, logLevel: level) }
        StandardOutput.useLineBuffering()
        let logger = Logger(label: "Lambda")

        let endpoint: RuntimeEndpoint
        do {
            endpoint = try RuntimeEndpoint(environment["AWS_LAMBDA_RUNTIME_API"] ?? "")
        } catch {
            logger.critical("cannot start: \(error)")
            exit(1)
        }
        let client = RuntimeAPIClient(endpoint: endpoint)

        let processor: Processor
        do {
            processor = try await makeProcessor(LambdaInitContext(environment: environment, logger: logger))
        } catch {
            let report = ErrorReport(thrown: error)
            logger.critical("init failed: \(report.errorType): \(report.errorMessage)")
            let outcome = client.postInitError(report)
            if outcome != .accepted { logger.error("reporting the init error failed: \(outcome)") }
            exit(1)
        }

        let loop = RuntimeLoop(client: client, processor: processor, logger: logger, telemetry: TelemetryHooks())
        while true {
            await loop.serveOneInvocation()
        }
    }

    func serveOneInvocation() async {
        let (headers, event) = await nextInvocation()
        let requestID = headers.requestID!  // `next()` never hands out an invocation without one
        traceEnvironment.set(headers.traceID)
        let context = LambdaContext(
            requestID: requestID,
            // Lambda always sends both; an emulator that does not gets no deadline and an empty ARN.
            deadlineMilliseconds: headers.deadlineMilliseconds ?? .max,
            invokedFunctionARN: headers.invokedFunctionARN ?? "",
            traceID: headers.traceID,
            clientContext: headers.clientContext,
            cognitoIdentity: headers.cognitoIdentity,
            tenantID: headers.tenantID,
            logger: logger)
        // The request id reaches log lines through a task local rather than through the logger's
        // metadata: no allocation per invocation, and loggers the handler makes itself carry it too.
        await CurrentInvocation.$requestID.withValue(requestID) {
            await serve(event, context: context, invocationID: headers.invocationID)
        }
    }

    /// `invocationID` is the `/next` answer's `Lambda-Runtime-Invocation-Id`, echoed on the post.
    private func serve(_ event: [UInt8], context: LambdaContext, invocationID: String?) async {
        let reply = await telemetry.around(context) {
            await processor.process(event, context: context).checkingResponseSize()
        }
        switch reply {
        case .response(let response):
            let outcome = response.body.withUnsafeBytes {
                client.postResponse(requestID: context.requestID, invocationID: invocationID, body: $0,
                                    contentType: response.contentType)
            }
            check(outcome, of: "/response")
        case .failure(let errorReport):
            report(errorReport, context: context, invocationID: invocationID)
        }
        telemetry.afterPost(context, reply: reply)
    }

    /// Waits for the next invocation, polling again after a `204` and retrying transport errors with
    /// backoff; exits once `/next` has failed `nextAttemptLimit` times in a row.
    private func nextInvocation() async -> (InvocationHeaders, [UInt8]) {
        var failures = 0
        while true {
            switch client.next() {
            case .invocation(let headers, let event):
                return (headers, event)
            case .noInvocation:
                try? await Task.sleep(for: Self.emptyPollPause)
            case .failure(let message):
                failures += 1
                guard failures < Self.nextAttemptLimit else {
                    logger.critical("/next failed \(failures) times in a row, exiting: \(message)")
                    exit(1)
                }
                let delay = Self.nextRetryDelay(attempt: failures)
                logger.warning("/next failed (\(failures)/\(Self.nextAttemptLimit)), retrying in \(delay): \(message)")
                try? await Task.sleep(for: delay)
            }
        }
    }

    private func report(_ errorReport: ErrorReport, context: LambdaContext, invocationID: String?) {
        logger.error("invocation failed: \(errorReport.errorType): \(errorReport.errorMessage)")
        check(client.postError(requestID: context.requestID, invocationID: invocationID, errorReport), of: "/error")
    }

    /// A post the Runtime API refused loses that one invocation's result, never the loop; a 500 is the
    /// Runtime API's way of saying the environment is broken, and then the runtime exits at once.
    private func check(_ outcome: RuntimeAPIClient.PostOutcome, of endpoint: String) {
        switch outcome {
        case .accepted:
            return
        case .rejected(status: 410, let reply):
            // Gone: the invocation timed out (or a later invoke reuses its request id) and Lambda
            // refused its late result, as it does when the invocation id is echoed. Nothing to retry.
            logger.warning("\(endpoint) answered 410, the result was dropped (the invocation timed out): \(reply)")
        case .rejected(let status, let reply) where status >= 500:
            logger.critical("\(endpoint) answered \(status), exiting: \(reply)")
            exit(1)
        case .rejected(let status, let reply):
            logger.error("\(endpoint) answered \(status): \(reply)")
        case .failure(let message):
            logger.error("\(endpoint) failed: \(message)")
        }
    }
}
