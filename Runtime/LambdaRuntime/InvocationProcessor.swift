import LambdaJSON

/// What one invocation comes to: bytes to post to `/response`, or a report to post to `/error`.
enum InvocationResult {
    case response(LambdaResponse)
    case failure(ErrorReport)
}

/// Runs one invocation's event through a handler. The two kinds of handler differ only here.
protocol InvocationProcessor: Sendable {
    func process(_ event: [UInt8], context: LambdaContext) async -> InvocationResult
}

/// A `ByteHandler`: the event and the response pass through untouched.
struct ByteInvocations<Handler: ByteHandler>: InvocationProcessor {
    let handler: Handler

    func process(_ event: [UInt8], context: LambdaContext) async -> InvocationResult {
        do {
            return .response(try await handler.handle(event, context: context))
        } catch {
            return .failure(ErrorReport(thrown: error))
        }
    }
}

/// A `LambdaHandler`: JSON in, JSON out, through LambdaJSON's coders (Foundation's defaults, without
/// Foundation, several times faster).
struct JSONInvocations<Handler: LambdaHandler>: InvocationProcessor {
    let handler: Handler
    private let decoder = LambdaJSONDecoder()
    private let encoder = LambdaJSONEncoder()

    init(handler: Handler) {
        self.handler = handler
    }

    func process(_ event: [UInt8], context: LambdaContext) async -> InvocationResult {
        let decoded: Handler.Event
        do {
            decoded = try decoder.decode(Handler.Event.self, from: event)
        } catch {
            return .failure(.unmarshal(error))
        }
        let output: Handler.Output
        do {
            output = try await handler.handle(decoded, context: context)
        } catch {
            return .failure(ErrorReport(thrown: error))
        }
        do {
            return .response(LambdaResponse(body: try encoder.encode(output)))
        } catch {
            return .failure(.marshal(error))
        }
    }
}
