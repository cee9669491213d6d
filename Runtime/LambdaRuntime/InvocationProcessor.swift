import LambdaJSON

/// What one invocation comes to: bytes to post to `/response`, or a report to post to `/error`.
/// (`package`: LambdaTesting runs handlers through these same processors.)
package enum RuntimeReply {
    case response(LambdaResponse)
    case failure(ErrorReport)

    /// A response over Lambda's payload limit is not posted: the runtime reports it instead, as Lambda
    /// itself would have.
    package func checkingResponseSize() -> RuntimeReply {
        if case .response(let response) = self, response.body.count > RuntimeLimits.maxResponseBytes {
            return .failure(.responseTooLarge(size: response.body.count))
        }
        return self
    }
}

/// Runs one invocation's event through a handler. The two kinds of handler differ only here.
package protocol InvocationProcessor: Sendable {
    func process(_ event: [UInt8], context: LambdaContext) async -> RuntimeReply
}

/// A `ByteHandler`: the event and the response pass through untouched.
package struct ByteHandlerProcessor<Handler: ByteHandler>: InvocationProcessor {
    let handler: Handler

    package init(handler: Handler) {
        self.handler = handler
    }

    package func process(_ event: [UInt8], context: LambdaContext) async -> RuntimeReply {
        do {
            return .response(try await handler.handle(event, context: context))
        } catch {
            return .failure(ErrorReport(thrown: error))
        }
    }
}

/// A `LambdaHandler`: JSON in, JSON out, through LambdaJSON's coders (Foundation's defaults, without
/// Foundation, several times faster).
package struct JSONHandlerProcessor<Handler: LambdaHandler>: InvocationProcessor {
    let handler: Handler
    private let decoder = LambdaJSONDecoder()
    private let encoder = LambdaJSONEncoder()

    package init(handler: Handler) {
        self.handler = handler
    }

    package func process(_ event: [UInt8], context: LambdaContext) async -> RuntimeReply {
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
