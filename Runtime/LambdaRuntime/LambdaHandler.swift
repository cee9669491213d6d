/// The bytes a handler returns to the Runtime API, with their content type.
public struct LambdaResponse: Sendable, Equatable {
    public var body: [UInt8]
    public var contentType: String

    public init(body: [UInt8], contentType: String = "application/json") {
        self.body = body
        self.contentType = contentType
    }
}

/// The lowest layer: the event exactly as the Runtime API delivers it, the response exactly as it is sent.
public protocol ByteHandler: Sendable {
    func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse
}

/// The usual layer: the JSON event decoded to `Event`, the returned `Output` encoded to JSON.
///
/// An event that does not decode is reported as `Runtime.UnmarshalError`; an error the handler throws
/// as `Function.<ErrorType>`. Neither stops the runtime: the next invocation is served.
public protocol LambdaHandler: Sendable {
    associatedtype Event: Decodable & Sendable
    associatedtype Output: Encodable & Sendable

    func handle(_ event: Event, context: LambdaContext) async throws -> Output
}

/// The output of a `LambdaHandler` that has nothing to return: encodes as JSON `null`.
public struct NoOutput: Encodable, Sendable, Equatable {
    public init() {}

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}
