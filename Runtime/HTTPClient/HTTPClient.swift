import CCurl

/// An async HTTP/1.1 and HTTP/2 client on libcurl.
///
/// One event thread runs all transfers of a client (`curl_multi_poll`), so thousands of concurrent
/// requests cost no threads, and connections are reused across requests. TLS peers are always verified.
/// Use `HTTPClient.shared` unless you need another configuration.
public final class HTTPClient: Sendable {
    public struct Configuration: Sendable {
        /// The CA certificates to trust: `SSL_CERT_FILE`, else the system bundle that exists.
        public var caBundlePath: String?
        /// The limit on establishing a connection (the request's own timeout still caps it).
        public var connectTimeout: Duration

        public init(caBundlePath: String? = CABundle.locate(),
                    connectTimeout: Duration = .seconds(10)) {
            self.caBundlePath = caBundlePath
            self.connectTimeout = connectTimeout
        }
    }

    /// The process-wide client, created on first use.
    public static let shared = HTTPClient()

    public let configuration: Configuration
    private let loop: CurlEventLoop

    public init(configuration: Configuration = Configuration()) {
        HTTPClient.initializeCurlOnce
        self.configuration = configuration
        loop = CurlEventLoop()
    }

    deinit {
        loop.stop()
    }

    /// Sends the request and returns the response, whatever its status.
    /// Throws `HTTPClientError` when no response arrives, and `CancellationError` when the task is cancelled
    /// (the transfer is then aborted).
    public func request(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = try CurlTransfer(request: request, configuration: configuration)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.attach(continuation)
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// `curl_global_init` is not thread-safe and must run before any other curl call.
    private static let initializeCurlOnce: Void = {
        ccurl_global_init()
    }()
}
