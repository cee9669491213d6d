import HTTPTypes
import Hummingbird
import NIOCore

/// Hummingbird's basic context plus the connection, which the Runtime API closes to drop a `/next`.
struct LocalRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Bodies are read with their own limits (see `readBody`), never Hummingbird's 2 MiB default.
    var maxUploadSize: Int { .max }
}

/// A request body, kept up to `limit` bytes; `size` counts all of it, so a refusal can say how big it was.
func readBody(_ request: Request, limit: Int) async throws -> (bytes: [UInt8], size: Int) {
    var bytes: [UInt8] = []
    var size = 0
    for try await chunk in request.body {
        size += chunk.readableBytes
        if size <= limit { bytes += chunk.readableBytesView }
    }
    return (size <= limit ? bytes : [], size)
}

extension HTTPField.Name {
    static func lambda(_ name: String) -> Self { Self(name)! }
}

/// A Runtime API refusal: a JSON error body in the shape the RIE answers with.
func errorResponse(status: Int, type: String, message: String, headers: HTTPFields = [:]) -> Response {
    var headers = headers
    headers[.contentType] = "application/json"
    let body = FunctionError.json(message: message, type: type)
    return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
}
