import LambdaJSON
import LambdaRuntime
import Synchronization

/// The JSON coding the runtime applies to events and outputs: LambdaJSON's decoder and encoder.
public enum LambdaPayload {
    public static func decode<T: Decodable>(_ type: T.Type = T.self, from bytes: [UInt8]) throws -> T {
        try LambdaJSONDecoder().decode(T.self, from: bytes)
    }

    /// The bytes the runtime would post as the invocation's response.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        try LambdaJSONEncoder().encode(value)
    }
}

/// Calling a handler as the runtime would, without a Runtime API: through the runtime's own processors
/// (`JSONHandlerProcessor`, `ByteHandlerProcessor`) and its payload limit, so a test meets what the deployed
/// function would post.
///
///     let response = try await handler.invoke(fixture: "samples/apigateway-aws-proxy.json")
///     let output = try await handler.invoke(json: #"{"petId":"p-7"}"#)
///     let posted = await handler.post(json: #"{"petId":"p-7"}"#)   // the /response or /error bytes
///
/// What the handler throws is rethrown as is. A failure the runtime itself reports (an event that does
/// not decode: `Runtime.UnmarshalError`; an output that does not encode: `Runtime.MarshalError`; one
/// over 6 MB: `Function.ResponseSizeTooLarge`) throws `InvocationFailure` with that report.
extension LambdaHandler {
    public func invoke(_ event: Event, context: LambdaContext = .test()) async throws -> Output {
        try await handle(event, context: context)
    }

    public func invoke(bytes: [UInt8], context: LambdaContext = .test()) async throws -> Output {
        let outcome = HandlerOutcome<Output>()
        let result = await JSONHandlerProcessor(handler: Observed(handler: self, outcome: outcome))
            .process(bytes, context: context).checkingResponseSize()
        return try outcome.value(posted: result)
    }

    public func invoke(json: String, context: LambdaContext = .test()) async throws -> Output {
        try await invoke(bytes: Array(json.utf8), context: context)
    }

    /// Runs the handler on `events/<fixture>`.
    public func invoke(fixture: String, context: LambdaContext = .test(), filePath: String = #filePath)
        async throws -> Output
    {
        try await invoke(bytes: Fixtures.bytes(fixture, filePath: filePath), context: context)
    }

    /// What the runtime would post for this event: the `/response` body or the `/error` report.
    public func post(bytes: [UInt8], context: LambdaContext = .test()) async -> PostedResult {
        PostedResult(await JSONHandlerProcessor(handler: self).process(bytes, context: context).checkingResponseSize())
    }

    public func post(json: String, context: LambdaContext = .test()) async -> PostedResult {
        await post(bytes: Array(json.utf8), context: context)
    }
}

extension ByteHandler {
    public func invoke(bytes: [UInt8], context: LambdaContext = .test()) async throws -> LambdaResponse {
        let outcome = HandlerOutcome<LambdaResponse>()
        let result = await ByteHandlerProcessor(handler: ObservedBytes(handler: self, outcome: outcome))
            .process(bytes, context: context).checkingResponseSize()
        return try outcome.value(posted: result)
    }

    public func invoke(json: String, context: LambdaContext = .test()) async throws -> LambdaResponse {
        try await invoke(bytes: Array(json.utf8), context: context)
    }

    /// Runs the handler on `events/<fixture>`.
    public func invoke(fixture: String, context: LambdaContext = .test(), filePath: String = #filePath)
        async throws -> LambdaResponse
    {
        try await invoke(bytes: Fixtures.bytes(fixture, filePath: filePath), context: context)
    }

    /// What the runtime would post for this event: the `/response` body or the `/error` report.
    public func post(bytes: [UInt8], context: LambdaContext = .test()) async -> PostedResult {
        PostedResult(await ByteHandlerProcessor(handler: self).process(bytes, context: context).checkingResponseSize())
    }
}

/// What the runtime posts for one invocation.
public enum PostedResult: Sendable, Equatable {
    /// To `/response`.
    case response(LambdaResponse)
    /// To `/error`: the `Lambda-Runtime-Function-Error-Type` header's value and the JSON body.
    case error(errorType: String, body: [UInt8])

    init(_ result: RuntimeReply) {
        switch result {
        case .response(let response): self = .response(response)
        case .failure(let report): self = .error(errorType: report.errorType, body: report.jsonBody)
        }
    }
}

/// A failure the runtime reports itself, not one the handler threw: what it would post to `/error`.
public struct InvocationFailure: Error, CustomStringConvertible {
    public let errorType: String
    public let errorMessage: String
    /// The exact `/error` body.
    public let body: [UInt8]

    init(_ report: ErrorReport) {
        errorType = report.errorType
        errorMessage = report.errorMessage
        body = report.jsonBody
    }

    public var description: String { "\(errorType): \(errorMessage)" }
}

/// What the handler itself returned or threw, seen from inside the runtime's processor.
private final class HandlerOutcome<Output: Sendable>: Sendable {
    private enum State { case none, returned(Output), threw(any Error) }
    private let state = Mutex<State>(.none)

    /// Runs `handle`, the handler's own call, keeping what it returns or throws.
    func observe(_ handle: () async throws -> Output) async throws -> Output {
        do {
            let output = try await handle()
            state.withLock { $0 = .returned(output) }
            return output
        } catch {
            state.withLock { $0 = .threw(error) }
            throw error
        }
    }

    /// The handler's output if the runtime would post it; its error as is; or the runtime's own report.
    func value(posted result: RuntimeReply) throws -> Output {
        let recorded = state.withLock { state -> Result<Output, any Error>? in
            switch state {
            case .none: nil
            case .returned(let output): .success(output)
            case .threw(let error): .failure(error)
            }
        }
        switch (result, recorded) {
        case (_, .failure(let error)?): throw error
        case (.response, .success(let output)?): return output
        case (.failure(let report), _): throw InvocationFailure(report)
        case (.response, nil): preconditionFailure("a response without the handler having returned")
        }
    }
}

/// The handler, reporting to `outcome` what it returns or throws.
private struct ObservedBytes<Handler: ByteHandler>: ByteHandler {
    let handler: Handler
    let outcome: HandlerOutcome<LambdaResponse>

    func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse {
        try await outcome.observe { try await handler.handle(event, context: context) }
    }
}

private struct Observed<Handler: LambdaHandler>: LambdaHandler {
    let handler: Handler
    let outcome: HandlerOutcome<Handler.Output>

    func handle(_ event: Handler.Event, context: LambdaContext) async throws -> Handler.Output {
        try await outcome.observe { try await handler.handle(event, context: context) }
    }
}
