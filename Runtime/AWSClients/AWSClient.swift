import HTTPClient
import LambdaJSON
import Logging
import LambdaSystem

/// The one request pipeline all services share: resolve the endpoint, sign with fresh credentials, send
/// on the shared HTTP client, turn non-2xx answers into `AWSError`, retry what is worth retrying.
///
/// Create one per process (it is cheap to share) and make service values from it:
/// `DynamoDB(client: aws)`, `S3(client: aws)`, ...
public final class AWSClient: Sendable {
    public let region: String
    public let credentialsProvider: any AWSCredentialsProvider
    public let endpoints: EndpointResolver
    public let retryPolicy: RetryPolicy
    public let httpClient: HTTPClient
    /// The limit for one attempt of one call.
    public let timeout: Duration
    let logger: Logger

    /// Region from `AWS_REGION`, then `AWS_DEFAULT_REGION` (`us-east-1` if neither is set);
    /// credentials from the default chain; endpoints from the `AWS_ENDPOINT_URL*` variables.
    public init(
        region: String? = nil,
        credentialsProvider: (any AWSCredentialsProvider)? = nil,
        environment: [String: String] = ProcessEnvironment.variables(),
        retryPolicy: RetryPolicy = .standard,
        timeout: Duration = .seconds(60),
        httpClient: HTTPClient = .shared,
        logger: Logger = Logger(label: "aws")
    ) {
        let region = region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
        self.region = region
        self.credentialsProvider = credentialsProvider
            ?? DefaultCredentialsProvider(environment: environment, httpClient: httpClient)
        endpoints = EndpointResolver(region: region, environment: environment)
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.httpClient = httpClient
        self.logger = logger
    }

    /// One AWS call, described independently of any attempt.
    public struct Call: Sendable {
        public var service: AWSService
        public var method: HTTPMethod
        /// The request path, percent-encoded, appended to the endpoint's URL (`/` or more).
        public var path: String
        /// Query parameters, unencoded.
        public var query: [(String, String)]
        public var headers: HTTPHeaders
        public var body: [UInt8]
        public var signing: SigV4Signer.Options
        /// A base URL other than the service's endpoint (S3 virtual-hosted buckets).
        public var endpoint: String?

        public init(service: AWSService, method: HTTPMethod = .post, path: String = "/", query: [(String, String)] = [],
                    headers: HTTPHeaders = [:], body: [UInt8] = [], signing: SigV4Signer.Options = .standard,
                    endpoint: String? = nil) {
            self.service = service
            self.endpoint = endpoint
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
            self.signing = signing
        }
    }

    /// Sends the call, retrying per the policy. Returns only 2xx responses; throws `AWSError` for the others
    /// and `HTTPClientError` when no response came back.
    public func send(_ call: Call) async throws -> HTTPResponse {
        let url = url(for: call)
        return try await retryPolicy.run { attempt in
            var request = HTTPRequest(method: call.method, url: url, headers: call.headers, body: call.body,
                                      timeout: timeout)
            let signer = SigV4Signer(credentials: try await credentialsProvider.credentials(), region: region,
                                     service: call.service.signingName, options: call.signing)
            signer.sign(&request)
            let response = try await httpClient.request(request)
            guard (200..<300).contains(response.status) else {
                let error = AWSError(response: response)
                logger.debug("AWS call failed", metadata: [
                    "service": "\(call.service.signingName)", "attempt": "\(attempt)", "code": "\(error.code)",
                    "status": "\(error.status)", "request-id": "\(error.requestID ?? "-")",
                ])
                throw error
            }
            return response
        }
    }

    /// A JSON-protocol call (`X-Amz-Target`), as DynamoDB, SSM, Secrets Manager, EventBridge, SQS and Cognito use.
    public func sendJSON<Output: Decodable>(
        _ service: AWSService, target: String, input: some Encodable, contentType: String = "application/x-amz-json-1.1",
        as output: Output.Type = Output.self
    ) async throws -> Output {
        let body = try AWSJSON.encoder.encode(input)
        let response = try await send(Call(service: service, headers: [
            "Content-Type": contentType, "X-Amz-Target": target,
        ], body: body))
        return try AWSJSON.decoder.decode(Output.self, from: response.body.isEmpty ? Array("{}".utf8) : response.body)
    }

    func url(for call: Call) -> String {
        var url = (call.endpoint ?? endpoints.endpoint(for: call.service).url) + call.path
        if !call.query.isEmpty {
            url += "?" + call.query.map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }
                .joined(separator: "&")
        }
        return url
    }
}

/// JSON coding for the AWS JSON protocols. Wire structs spell members as the API does (PascalCase);
/// a key strategy cannot do it, because it would also rename the keys of maps such as DynamoDB items.
enum AWSJSON {
    static let encoder = LambdaJSONEncoder()
    static let decoder = LambdaJSONDecoder()
}

/// Decodes whatever an operation's answer holds and ignores the rest.
public struct EmptyOutput: Decodable, Sendable {}
