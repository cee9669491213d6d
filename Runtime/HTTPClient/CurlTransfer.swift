import CCurl
import Synchronization
import LambdaSystem

/// One request in flight: its easy handle, what has arrived so far, and the task awaiting it.
///
/// Created on the caller's task, then touched only by the event thread until `finish` hands the result back.
final class CurlTransfer: @unchecked Sendable {
    /// Nil once released.
    private(set) var easy: UnsafeMutableRawPointer?
    private let request: HTTPRequest
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private var responseHeaders = HTTPHeaders()
    private var responseBody: [UInt8] = []
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    /// Set from any thread when the awaiting task is cancelled; read by the event thread.
    let cancelRequested = Atomic<Bool>(false)

    init(request: HTTPRequest, configuration: HTTPClient.Configuration) throws(HTTPClientError) {
        guard let easy = curl_easy_init() else {
            throw HTTPClientError(kind: .other, message: "curl_easy_init failed")
        }
        self.easy = easy
        self.request = request
        errorBuffer.initialize(to: 0)
        try configure(configuration)
    }

    deinit {
        releaseHandle()
        errorBuffer.deallocate()
    }

    /// Frees the easy handle. The event thread calls this as soon as the transfer is done, because cleaning
    /// up a handle touches its cookie share, which only that thread may use.
    func releaseHandle() {
        guard let easy else { return }
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        self.easy = nil
        headerList = nil
    }

    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.continuation = continuation
    }

    /// Resumes the awaiting task, exactly once.
    func finish(_ code: CURLcode) {
        guard let continuation else { return }
        self.continuation = nil
        if code == CURLE_OK {
            var status = 0
            _ = ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            var effectiveURL: UnsafeMutablePointer<CChar>?
            _ = ccurl_getinfo_ptr(easy, CURLINFO_EFFECTIVE_URL, &effectiveURL)
            continuation.resume(returning: HTTPResponse(
                status: status, headers: responseHeaders, body: responseBody,
                url: effectiveURL.map { String(cString: $0) } ?? request.url))
        } else {
            continuation.resume(throwing: error(for: code))
        }
    }

    func finishCancelled() {
        continuation?.resume(throwing: CancellationError())
        continuation = nil
    }

    // MARK: - Options

    private func configure(_ configuration: HTTPClient.Configuration) throws(HTTPClientError) {
        let opaqueSelf = Unmanaged.passUnretained(self).toOpaque()
        set(CURLOPT_URL, request.url)
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_ERRORBUFFER, UnsafeRawPointer(errorBuffer))
        set(CURLOPT_TIMEOUT_MS, max(1, Int(request.timeout.wholeMilliseconds)))
        set(CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(min(request.timeout, configuration.connectTimeout).wholeMilliseconds)))
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundle = configuration.caBundlePath { set(CURLOPT_CAINFO, caBundle) }
        // Fails on a libcurl without nghttp2; HTTP/1.1 is then used, which is fine.
        _ = ccurl_setopt_long(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        set(CURLOPT_TCP_KEEPALIVE, 1)

        _ = ccurl_setopt_write(easy) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            transfer.responseBody.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
        set(CURLOPT_WRITEDATA, UnsafeRawPointer(opaqueSelf))
        _ = ccurl_setopt_header(easy) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            transfer.receivedHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
        set(CURLOPT_HEADERDATA, UnsafeRawPointer(opaqueSelf))

        configureMethodAndBody()
        configureHeaders()

        if case .follow(let max) = request.redirects {
            set(CURLOPT_FOLLOWLOCATION, 1)
            set(CURLOPT_MAXREDIRS, max)
        }
        if let session = request.cookies {
            set(CURLOPT_SHARE, UnsafeRawPointer(session.share))
            set(CURLOPT_COOKIEFILE, "")  // "" turns the cookie engine on without reading a file
        }
    }

    private func configureMethodAndBody() {
        switch request.method {
        case .get where request.body.isEmpty:
            set(CURLOPT_HTTPGET, 1)
        case .head:
            set(CURLOPT_NOBODY, 1)
        default:
            // POSTFIELDS makes curl send the body (and a Content-Length, also for an empty body).
            // Leaving POST as curl's own method is what lets a followed 301/302/303 become a GET.
            _ = ccurl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            if request.body.isEmpty {
                set(CURLOPT_COPYPOSTFIELDS, "")
            } else {
                request.body.withUnsafeBytes { _ = ccurl_setopt_ptr(easy, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
            }
            if request.method != .post { set(CURLOPT_CUSTOMREQUEST, request.method.rawValue) }
        }
    }

    private func configureHeaders() {
        var lines = request.headers.map { field in
            // "Name;" is curl's way to send a header with an empty value ("Name:" would remove it).
            field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
        }
        // curl adds these unless told not to: a form content type on bodies we did not label,
        // and a 100-continue round trip before large bodies.
        if !request.headers.contains("Content-Type") { lines.append("Content-Type:") }
        if !request.headers.contains("Expect") { lines.append("Expect:") }
        for line in lines { headerList = curl_slist_append(headerList, line) }
        set(CURLOPT_HTTPHEADER, UnsafeRawPointer(headerList))
    }

    private func set(_ option: CURLoption, _ value: Int) {
        _ = ccurl_setopt_long(easy, option, value)
    }

    private func set(_ option: CURLoption, _ value: UnsafeRawPointer?) {
        _ = ccurl_setopt_ptr(easy, option, value)
    }

    /// Strings are copied by libcurl (since 7.17), so a temporary C string is enough.
    private func set(_ option: CURLoption, _ value: String) {
        _ = value.withCString { ccurl_setopt_ptr(easy, option, $0) }
    }

    // MARK: - Response

    private func receivedHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // curl hands over each line with its CRLF; the trimming rule takes it off the value.
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new status line: an interim 100 or a redirect hop. Keep only the final response's headers.
            responseHeaders = HTTPHeaders()
            responseBody = []
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            responseHeaders.add(name, value)
        }
    }

    private func error(for code: CURLcode) -> HTTPClientError {
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let kind: HTTPClientError.Kind = switch code {
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: .invalidRequest
        case CURLE_COULDNT_RESOLVE_HOST: .hostNotFound
        case CURLE_COULDNT_CONNECT: .connectionFailed
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM: .tlsFailure
        case CURLE_TOO_MANY_REDIRECTS: .tooManyRedirects
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
             CURLE_HTTP2_STREAM: .connectionLost
        default: .other
        }
        return HTTPClientError(kind: kind, curlCode: Int(code.rawValue), message: message)
    }
}
