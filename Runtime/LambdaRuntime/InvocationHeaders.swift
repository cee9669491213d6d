/// The `Lambda-Runtime-*` headers of a `/next` response, collected line by line as curl delivers them.
///
/// Header names are matched case-insensitively (HTTP says they are); a header Lambda leaves out because
/// its value is empty (the trace id, the client context…) stays `nil`.
struct InvocationHeaders: Equatable {
    var requestID: String?
    var deadlineMilliseconds: Int64?
    var invokedFunctionARN: String?
    var traceID: String?
    var clientContext: String?
    var cognitoIdentity: String?
    var tenantID: String?
    /// `Lambda-Runtime-Invocation-Id`: a nonce per invoke, echoed on `/response` and `/error` so that
    /// Lambda can refuse a timed-out invocation's late result (410) instead of crossing it with a later
    /// invoke that reuses the request id. Older Runtime APIs send none, and then nothing is echoed.
    var invocationID: String?
    var contentLength: Int?

    /// Takes one raw header line (`Name: value\r\n`). A status line starts a new header block (after a
    /// `100 Continue`, or a redirect) and clears what an earlier block set.
    mutating func add(line: UnsafeRawBufferPointer) {
        let bytes = line.bindMemory(to: UInt8.self)
        if bytes.starts(with: Self.statusLinePrefix) {
            self = InvocationHeaders()
            return
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = UnsafeBufferPointer(rebasing: bytes[..<colon])
        var valueStart = colon + 1
        var valueEnd = bytes.endIndex
        while valueStart < valueEnd, Self.isSpace(bytes[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, Self.isSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
        guard valueStart < valueEnd else { return }
        let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd])

        if Self.equalsIgnoringCase(name, Self.requestIDName) {
            requestID = String(decoding: value, as: UTF8.self)
        } else if Self.equalsIgnoringCase(name, Self.deadlineName) {
            deadlineMilliseconds = Self.integer(value)
        } else if Self.equalsIgnoringCase(name, Self.functionARNName) {
            invokedFunctionARN = String(decoding: value, as: UTF8.self)
        } else if Self.equalsIgnoringCase(name, Self.traceIDName) {
            traceID = String(decoding: value, as: UTF8.self)
        } else if Self.equalsIgnoringCase(name, Self.clientContextName) {
            clientContext = String(decoding: value, as: UTF8.self)
        } else if Self.equalsIgnoringCase(name, Self.cognitoIdentityName) {
            cognitoIdentity = String(decoding: value, as: UTF8.self)
        } else if Self.equalsIgnoringCase(name, Self.tenantIDName) {
            tenantID = String(decoding: value, as: UTF8.self)
        } else if Self.equalsIgnoringCase(name, Self.invocationIDName) {
            invocationID = String(decoding: value, as: UTF8.self)
        } else if Self.equalsIgnoringCase(name, Self.contentLengthName) {
            contentLength = Self.integer(value).map(Int.init)
        }
    }

    /// Convenience for tests and callers holding a `String`.
    mutating func add(line: String) {
        var line = line
        line.withUTF8 { add(line: UnsafeRawBufferPointer($0)) }
    }

    private static let statusLinePrefix = Array("HTTP/".utf8)
    private static let requestIDName = Array("lambda-runtime-aws-request-id".utf8)
    private static let deadlineName = Array("lambda-runtime-deadline-ms".utf8)
    private static let functionARNName = Array("lambda-runtime-invoked-function-arn".utf8)
    private static let traceIDName = Array("lambda-runtime-trace-id".utf8)
    private static let clientContextName = Array("lambda-runtime-client-context".utf8)
    private static let cognitoIdentityName = Array("lambda-runtime-cognito-identity".utf8)
    private static let tenantIDName = Array("lambda-runtime-aws-tenant-id".utf8)
    private static let invocationIDName = Array("lambda-runtime-invocation-id".utf8)
    private static let contentLengthName = Array("content-length".utf8)

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    /// `name` equals `lowercased`, ignoring ASCII case.
    private static func equalsIgnoringCase(_ name: UnsafeBufferPointer<UInt8>, _ lowercased: [UInt8]) -> Bool {
        guard name.count == lowercased.count else { return false }
        for (byte, expected) in zip(name, lowercased) {
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if folded != expected { return false }
        }
        return true
    }

    /// A non-negative decimal integer, or nil.
    private static func integer(_ digits: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
