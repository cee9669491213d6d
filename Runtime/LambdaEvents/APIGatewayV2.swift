/// An HTTP API (API Gateway v2, payload format 2.0) request; Lambda function URLs use the same shape.
public struct APIGatewayV2Request: APIGatewayHTTPRequest, Codable, Sendable, Equatable {
    public var version: String
    /// `$default`, or `POST /pets` for an explicit route.
    public var routeKey: String
    public var rawPath: String
    public var rawQueryString: String
    public var cookies: [String]?
    /// Repeated headers arrive joined with commas; names are lower case from real clients.
    public var headers: [String: String]?
    /// Repeated parameters arrive joined with commas.
    public var queryStringParameters: [String: String]?
    public var pathParameters: [String: String]?
    public var stageVariables: [String: String]?
    public var requestContext: RequestContext
    public var body: String?
    public var isBase64Encoded: Bool

    public init(
        version: String = "2.0", routeKey: String = "$default", rawPath: String, rawQueryString: String = "",
        cookies: [String]? = nil, headers: [String: String]? = nil, queryStringParameters: [String: String]? = nil,
        pathParameters: [String: String]? = nil, stageVariables: [String: String]? = nil,
        requestContext: RequestContext, body: String? = nil, isBase64Encoded: Bool = false
    ) {
        self.version = version
        self.routeKey = routeKey
        self.rawPath = rawPath
        self.rawQueryString = rawQueryString
        self.cookies = cookies
        self.headers = headers
        self.queryStringParameters = queryStringParameters
        self.pathParameters = pathParameters
        self.stageVariables = stageVariables
        self.requestContext = requestContext
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? "2.0"
        routeKey = try container.decode(String.self, forKey: .routeKey)
        rawPath = try container.decode(String.self, forKey: .rawPath)
        rawQueryString = try container.decodeIfPresent(String.self, forKey: .rawQueryString) ?? ""
        cookies = try container.decodeIfPresent([String].self, forKey: .cookies)
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers)
        queryStringParameters = try container.decodeIfPresent([String: String].self, forKey: .queryStringParameters)
        pathParameters = try container.decodeIfPresent([String: String].self, forKey: .pathParameters)
        stageVariables = try container.decodeIfPresent([String: String].self, forKey: .stageVariables)
        requestContext = try container.decode(RequestContext.self, forKey: .requestContext)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        isBase64Encoded = try container.decodeIfPresent(Bool.self, forKey: .isBase64Encoded) ?? false
    }

    public struct RequestContext: Codable, Sendable, Equatable {
        public var accountId: String
        public var apiId: String
        public var domainName: String?
        public var domainPrefix: String?
        public var http: HTTP
        public var requestId: String
        public var routeKey: String?
        public var stage: String
        /// `12/Mar/2020:19:03:58 +0000`.
        public var time: String?
        /// Milliseconds since the Unix epoch.
        public var timeEpoch: Int64?
        /// JWT claims and scopes, a Lambda authorizer's context or IAM identity; its shape depends on the authorizer.
        public var authorizer: JSONValue?
        /// Mutual TLS details, when the custom domain requires client certificates.
        public var authentication: JSONValue?

        public init(
            accountId: String, apiId: String, domainName: String? = nil, domainPrefix: String? = nil, http: HTTP,
            requestId: String, routeKey: String? = nil, stage: String = "$default", time: String? = nil,
            timeEpoch: Int64? = nil, authorizer: JSONValue? = nil, authentication: JSONValue? = nil
        ) {
            self.accountId = accountId
            self.apiId = apiId
            self.domainName = domainName
            self.domainPrefix = domainPrefix
            self.http = http
            self.requestId = requestId
            self.routeKey = routeKey
            self.stage = stage
            self.time = time
            self.timeEpoch = timeEpoch
            self.authorizer = authorizer
            self.authentication = authentication
        }
    }

    public struct HTTP: Codable, Sendable, Equatable {
        public var method: String
        public var path: String
        public var `protocol`: String
        public var sourceIp: String
        public var userAgent: String?

        public init(method: String, path: String, protocol: String = "HTTP/1.1", sourceIp: String, userAgent: String? = nil) {
            self.method = method
            self.path = path
            self.protocol = `protocol`
            self.sourceIp = sourceIp
            self.userAgent = userAgent
        }
    }
}

/// The answer to an HTTP API (v2) request. Build one directly or with `.json(_:)`, `.text(_:)`, `.binary(_:)`.
public struct APIGatewayV2Response: APIGatewayHTTPResponse, Codable, Sendable, Equatable {
    public var statusCode: Int
    public var headers: [String: String]?
    /// Each becomes a `Set-Cookie` header.
    public var cookies: [String]?
    public var body: String?
    public var isBase64Encoded: Bool

    public init(statusCode: Int, headers: [String: String]?, body: String?, isBase64Encoded: Bool) {
        self.init(statusCode: statusCode, headers: headers, cookies: nil, body: body, isBase64Encoded: isBase64Encoded)
    }

    public init(
        statusCode: Int, headers: [String: String]? = nil, cookies: [String]? = nil, body: String? = nil,
        isBase64Encoded: Bool = false
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        statusCode = try container.decode(Int.self, forKey: .statusCode)
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers)
        cookies = try container.decodeIfPresent([String].self, forKey: .cookies)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        isBase64Encoded = try container.decodeIfPresent(Bool.self, forKey: .isBase64Encoded) ?? false
    }
}
