import LambdaJSON
import LambdaRuntime

/// The JSON coding the runtime applies to events and outputs: LambdaJSON's decoder and encoder.
public enum RuntimeJSON {
    public static func decode<T: Decodable>(_ type: T.Type = T.self, from bytes: [UInt8]) throws -> T {
        try LambdaJSONDecoder().decode(T.self, from: bytes)
    }

    /// The bytes the runtime would post as the invocation's response.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        try LambdaJSONEncoder().encode(value)
    }
}

/// Calling a handler as the runtime would, without a Runtime API:
///
///     let response = try await handler.invoke(fixture: "samples/apigateway-aws-proxy.json")
///     let output = try await handler.invoke(json: #"{"petId":"p-7"}"#)
///     let posted = try RuntimeJSON.encode(output)
///
/// An event that does not decode throws the decoder's `DecodingError` (the runtime reports it as
/// `Runtime.UnmarshalError`); what the handler throws is rethrown as is.
extension LambdaHandler {
    public func invoke(_ event: Event, context: LambdaContext = .test()) async throws -> Output {
        try await handle(event, context: context)
    }

    public func invoke(bytes: [UInt8], context: LambdaContext = .test()) async throws -> Output {
        try await handle(RuntimeJSON.decode(Event.self, from: bytes), context: context)
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
}

extension ByteHandler {
    public func invoke(bytes: [UInt8], context: LambdaContext = .test()) async throws -> LambdaResponse {
        try await handle(bytes, context: context)
    }

    public func invoke(json: String, context: LambdaContext = .test()) async throws -> LambdaResponse {
        try await handle(Array(json.utf8), context: context)
    }

    /// Runs the handler on `events/<fixture>`.
    public func invoke(fixture: String, context: LambdaContext = .test(), filePath: String = #filePath)
        async throws -> LambdaResponse
    {
        try await handle(Fixtures.bytes(fixture, filePath: filePath), context: context)
    }
}
