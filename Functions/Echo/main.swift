import LambdaRuntime

/// The example function, and the runtime's benchmark subject. `_HANDLER` picks the flavour:
/// - `echo.typed`: decodes the event as a `PetAdoptionEvent` and encodes it back (the JSON round trip
///   every typed handler pays);
/// - anything else (`echo.bytes`): answers with the event it was given, byte for byte.

struct BytesEcho: ByteHandler {
    func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse {
        LambdaResponse(body: event)
    }
}

/// An EventBridge event as the pet site publishes it (the shape of the benchmark's 204-byte event).
struct PetAdoptionEvent: Codable, Sendable {
    var version: String
    var id: String
    var detailType: String
    var source: String
    var account: String
    var time: String
    var region: String
    var detail: [String: String]

    enum CodingKeys: String, CodingKey {
        case version, id, detailType = "detail-type", source, account, time, region, detail
    }
}

struct TypedEcho: LambdaHandler {
    func handle(_ event: PetAdoptionEvent, context: LambdaContext) async throws -> PetAdoptionEvent {
        event
    }
}

if LambdaEnvironment.fromProcess().handlerName == "echo.typed" {
    Lambda.run { _ in TypedEcho() }
} else {
    Lambda.run(bytes: { _ in BytesEcho() })
}
