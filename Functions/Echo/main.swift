import LambdaRuntime

/// The example function: answers with the event it was given, byte for byte.
struct EchoHandler: ByteHandler {
    func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse {
        LambdaResponse(body: event)
    }
}

Lambda.run(bytes: { _ in EchoHandler() })
