import CCurl

/// The Runtime API over one libcurl easy handle, used by one loop at a time: `/next`, `/response`,
/// `/error`, `/init/error`, each a blocking call.
///
/// One handle means one kept-alive HTTP/1.1 connection to the Runtime API for the life of the process;
/// every URL is parsed once up front, the event buffer is sized from `Content-Length`, and the
/// `Content-Type` header lists are built once and reused, so a warm invocation costs curl's own work
/// and little else.
///
/// URLs reach curl as parsed URL handles (`CURLOPT_CURLU`), not strings: given a string, curl parses it
/// and prints a normalized copy on every request, about a tenth of the CPU a warm invocation costs.
/// A post only replaces the path of its handle. (A side effect: curl's `CURLINFO_EFFECTIVE_URL` keeps
/// the first URL; nothing here reads it.)
final class RuntimeAPIClient {
    /// What `/next` produced.
    enum Next {
        case invocation(InvocationHeaders, event: [UInt8])
        /// `204 No Content`: no invocation yet (cargo-lambda answers so when idle); poll again.
        case noInvocation
        /// A transport error or an unexpected answer, described for the log.
        case failure(String)
    }

    /// What a `POST` produced.
    enum PostOutcome: Equatable {
        case accepted
        /// The Runtime API answered with a non-2xx status; `reply` is the start of its body.
        case rejected(status: Int, reply: String)
        case failure(String)
    }

    private let handle: UnsafeMutableRawPointer
    private let exchange = CurlRequestState()
    private let transfer: BlockingTransfer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private let nextURL: OpaquePointer
    private let initErrorURL: OpaquePointer
    /// The invocation URL; each post sets its path to `{prefix}{id}/response` (or `/error`).
    private let invocationURL: OpaquePointer
    private let invocationPathPrefix: [UInt8]
    /// The path of the current post is written here (NUL-terminated), so no string is allocated per call.
    private var invocationPath: [UInt8] = []
    /// Header lists by content type (`Content-Type: …` plus an empty `Expect:`), built on first use.
    /// A function answers with one or two content types: a short list beats hashing on every post.
    private var postHeaders: [(contentType: String, list: UnsafeMutablePointer<curl_slist>)] = []
    /// The echoed `Lambda-Runtime-Invocation-Id` header line (NUL-terminated) and the list node holding it.
    private var echoLine = UnsafeMutablePointer<CChar>.allocate(capacity: 128)
    private var echoCapacity = 128
    private let echoNode = UnsafeMutablePointer<curl_slist>.allocate(capacity: 1)

    init(endpoint: RuntimeEndpoint) {
        // First, before any other curl call; the flags live in CCurl's shim, shared with HTTPClient.
        ccurl_global_init()
        transfer = BlockingTransfer()
        guard let handle = curl_easy_init() else { fatalError("curl_easy_init failed: out of memory") }
        self.handle = handle
        nextURL = Self.parsedURL(endpoint.nextURL)
        initErrorURL = Self.parsedURL(endpoint.initErrorURL)
        invocationURL = Self.parsedURL(endpoint.invocationPrefix)
        var path: UnsafeMutablePointer<CChar>?
        guard curl_url_get(invocationURL, CURLUPART_PATH, &path, 0) == CURLUE_OK, let path else {
            fatalError("curl_url_get: no path in \(endpoint.invocationPrefix)")
        }
        invocationPathPrefix = Array(String(cString: path).utf8)
        curl_free(path)
        invocationPath.reserveCapacity(invocationPathPrefix.count + 128)
        configureHandle()
    }

    /// A URL handle for a URL `RuntimeEndpoint` has already validated.
    private static func parsedURL(_ url: String) -> OpaquePointer {
        guard let parsed = curl_url() else { fatalError("curl_url failed: out of memory") }
        let code = curl_url_set(parsed, CURLUPART_URL, url, 0)
        guard code == CURLUE_OK else { fatalError("curl_url_set rejected \(url): \(String(cString: curl_url_strerror(code)))") }
        return parsed
    }

    deinit {
        curl_easy_cleanup(handle)
        for url in [nextURL, initErrorURL, invocationURL] { curl_url_cleanup(url) }
        for entry in postHeaders { curl_slist_free_all(entry.list) }
        errorBuffer.deallocate()
        echoLine.deallocate()
        echoNode.deallocate()
    }

    // MARK: - The four calls

    /// `GET /runtime/invocation/next`. Blocks, without a timeout, until Lambda has an invocation: the
    /// process may be frozen in between, for minutes.
    func next() -> Next {
        ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        ccurl_setopt_ptr(handle, CURLOPT_HTTPHEADER, nil)
        ccurl_setopt_ptr(handle, CURLOPT_CURLU, UnsafeRawPointer(nextURL))
        exchange.begin(collectingEvent: true)

        switch perform() {
        case .failure(let message):
            return .failure(message)
        case .success(200):
            guard exchange.headers.requestID != nil else {
                return .failure("/next answered 200 without a Lambda-Runtime-Aws-Request-Id header")
            }
            return .invocation(exchange.headers, event: exchange.takeEvent())
        case .success(204):
            return .noInvocation
        case .success(let status):
            return .failure("/next answered \(status): \(exchange.replyText)")
        }
    }

    /// `POST /runtime/invocation/{id}/response` with the handler's bytes, echoing the invocation id
    /// `/next` gave (if it gave one).
    func postResponse(
        requestID: String, invocationID: String?, body: UnsafeRawBufferPointer, contentType: String
    ) -> PostOutcome {
        guard setInvocationURL(requestID: requestID, suffix: "/response") else { return .failure(unusableID(requestID)) }
        return post(body: body, headers: echoing(invocationID, before: headers(contentType: contentType)))
    }

    /// `POST /runtime/invocation/{id}/error`, echoing the invocation id `/next` gave (if it gave one).
    func postError(requestID: String, invocationID: String?, _ report: ErrorReport) -> PostOutcome {
        guard setInvocationURL(requestID: requestID, suffix: "/error") else { return .failure(unusableID(requestID)) }
        return postErrorReport(report, invocationID: invocationID)
    }

    /// `POST /runtime/init/error`, before the first `/next`.
    func postInitError(_ report: ErrorReport) -> PostOutcome {
        ccurl_setopt_ptr(handle, CURLOPT_CURLU, UnsafeRawPointer(initErrorURL))
        return postErrorReport(report, invocationID: nil)
    }

    // MARK: - Plumbing

    private func configureHandle() {
        // The Runtime API is local: never through a proxy, whatever HTTP_PROXY says.
        "".withCString { _ = ccurl_setopt_ptr(handle, CURLOPT_PROXY, $0) }
        // Saying so for every host also spares curl a `getenv("no_proxy")` per request.
        "*".withCString { _ = ccurl_setopt_ptr(handle, CURLOPT_NOPROXY, $0) }
        ccurl_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        // No total timeout: /next legitimately waits as long as the function is idle (or frozen).
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, 0)
        // Signals would interrupt the blocking calls; the runtime needs none from curl.
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1)
        ccurl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer)

        let context = Unmanaged.passUnretained(exchange).toOpaque()
        ccurl_setopt_ptr(handle, CURLOPT_WRITEDATA, context)
        ccurl_setopt_ptr(handle, CURLOPT_HEADERDATA, context)
        ccurl_setopt_write(handle) { data, size, count, context in
            let exchange = Unmanaged<CurlRequestState>.fromOpaque(context!).takeUnretainedValue()
            exchange.receive(body: UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
        ccurl_setopt_header(handle) { data, size, count, context in
            let exchange = Unmanaged<CurlRequestState>.fromOpaque(context!).takeUnretainedValue()
            exchange.receive(headerLine: UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
    }

    /// Points the handle at `{prefix}{id}{suffix}`; false if curl refuses that path, so that a post never
    /// goes to the previous invocation's URL.
    private func setInvocationURL(requestID: String, suffix: StaticString) -> Bool {
        var path = invocationPath  // a local copy while it is rebuilt: no exclusivity checks per byte
        invocationPath = []
        path.removeAll(keepingCapacity: true)
        path.append(contentsOf: invocationPathPrefix)
        path.append(contentsOf: requestID.utf8)
        path.append(contentsOf: UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
        path.append(0)
        // Stored as is: curl percent-encodes what a path cannot hold when it builds the request.
        let code = path.withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { curl_url_set(invocationURL, CURLUPART_PATH, $0.baseAddress, 0) }
        }
        invocationPath = path
        guard code == CURLUE_OK else { return false }
        ccurl_setopt_ptr(handle, CURLOPT_CURLU, UnsafeRawPointer(invocationURL))
        return true
    }

    private func unusableID(_ requestID: String) -> String {
        "curl cannot put request id \(JSONStringLiteral.string(requestID)) in a URL path"
    }

    private func postErrorReport(_ report: ErrorReport, invocationID: String?) -> PostOutcome {
        // Built per call: errors are the rare path, and the type is part of the header.
        var list = curl_slist_append(nil, "Content-Type: application/json")
        list = curl_slist_append(list, "Expect:")
        list = curl_slist_append(list, "Lambda-Runtime-Function-Error-Type: \(report.errorType)")
        defer { curl_slist_free_all(list) }
        let headers = echoing(invocationID, before: list)
        return report.jsonBody.withUnsafeBytes { post(body: $0, headers: headers) }
    }

    /// `list` with `Lambda-Runtime-Invocation-Id: {id}` in front, or `list` itself when there is no id.
    ///
    /// The header line is written into one buffer kept for the life of the client, in a list node of
    /// our own whose tail is `list` (curl only reads a header list): echoing the id costs no allocation
    /// per invocation, and the cached `Content-Type` lists stay as they are.
    private func echoing(
        _ invocationID: String?, before list: UnsafeMutablePointer<curl_slist>?
    ) -> UnsafeMutablePointer<curl_slist>? {
        guard let invocationID else { return list }
        let length = Self.invocationIDPrefix.count + invocationID.utf8.count
        if length + 1 > echoCapacity {
            echoLine.deallocate()
            echoCapacity = max(2 * echoCapacity, length + 1)
            echoLine = .allocate(capacity: echoCapacity)
        }
        let line = UnsafeMutableRawPointer(echoLine)
        Self.invocationIDPrefix.withUnsafeBytes { line.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        var written = Self.invocationIDPrefix.count
        for byte in invocationID.utf8 {
            line.storeBytes(of: byte, toByteOffset: written, as: UInt8.self)
            written += 1
        }
        line.storeBytes(of: 0, toByteOffset: written, as: UInt8.self)
        echoNode.pointee = curl_slist(data: echoLine, next: list)
        return echoNode
    }

    private static let invocationIDPrefix = Array("Lambda-Runtime-Invocation-Id: ".utf8)

    private func post(body: UnsafeRawBufferPointer, headers: UnsafeMutablePointer<curl_slist>?) -> PostOutcome {
        ccurl_setopt_long(handle, CURLOPT_POST, 1)
        ccurl_setopt_ptr(handle, CURLOPT_HTTPHEADER, headers)
        // An explicit size makes curl send Content-Length (never chunked) and read straight from `body`.
        ccurl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        guard let bytes = body.baseAddress else {
            // An empty body has no address; curl still wants a valid pointer to read zero bytes from.
            return [UInt8(0)].withUnsafeBytes { post(body: UnsafeRawBufferPointer(start: $0.baseAddress, count: 0), headers: headers) }
        }
        ccurl_setopt_ptr(handle, CURLOPT_POSTFIELDS, bytes)
        exchange.begin(collectingEvent: false)

        switch perform() {
        case .failure(let message): return .failure(message)
        case .success(let status) where (200..<300).contains(status): return .accepted
        case .success(let status): return .rejected(status: status, reply: exchange.replyText)
        }
    }

    private func headers(contentType: String) -> UnsafeMutablePointer<curl_slist>? {
        if let known = postHeaders.first(where: { $0.contentType == contentType }) { return known.list }
        var list = curl_slist_append(nil, "Content-Type: \(contentType)")
        // curl would otherwise send `Expect: 100-continue` for large bodies and wait for an answer.
        list = curl_slist_append(list, "Expect:")
        postHeaders.append((contentType, list!))
        return list
    }

    private enum Transfer {
        case success(Int)
        case failure(String)
    }

    /// Runs the prepared request; the HTTP status, or curl's description of what went wrong.
    private func perform() -> Transfer {
        errorBuffer[0] = 0
        let code = transfer.perform(handle)
        guard code == CURLE_OK else {
            let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
            return .failure("curl error \(code.rawValue): \(detail)")
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(status)
    }
}

/// The state curl's callbacks write into during one request: the headers and body of a `/next`
/// answer, or the start of a reply to a post (kept for the log when the post is rejected).
private final class CurlRequestState {
    /// A rejected post's reply is logged; more than this much of it would not help.
    private static let replyLimit = 1024

    private(set) var headers = InvocationHeaders()
    private var collectingEvent = false
    private var event: [UInt8] = []
    private var reply: [UInt8] = []

    func begin(collectingEvent: Bool) {
        self.collectingEvent = collectingEvent
        headers = InvocationHeaders()
        event.removeAll()
        reply.removeAll(keepingCapacity: true)
    }

    func receive(headerLine: UnsafeRawBufferPointer) {
        if collectingEvent { headers.add(line: headerLine) }
    }

    func receive(body: UnsafeRawBufferPointer) {
        if collectingEvent, headers.requestID != nil {
            if event.isEmpty, let length = headers.contentLength { event.reserveCapacity(length) }
            event.append(contentsOf: body)
        } else {
            // An error answer (or a post's `{"status":"OK"}`): kept short, for the log.
            reply.append(contentsOf: body.prefix(max(0, Self.replyLimit - reply.count)))
        }
    }

    /// The event collected by the last `/next`; the buffer starts empty for the next one.
    func takeEvent() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &event)
        return taken
    }

    var replyText: String { String(decoding: reply, as: UTF8.self) }
}
