/// A REST API (API Gateway v1) Lambda proxy integration request.
public struct APIGatewayProxyRequest: APIGatewayHTTPRequest, Codable, Sendable, Equatable {
    /// The resource template, e.g. `/pets/{id}`.
    public var resource: String
    public var path: String
    public var httpMethod: String
    public var headers: [String: String]?
    public var multiValueHeaders: [String: [String]]?
    public var queryStringParameters: [String: String]?
    public var multiValueQueryStringParameters: [String: [String]]?
    public var pathParameters: [String: String]?
    public var stageVariables: [String: String]?
    public var requestContext: RequestContext
    public var body: String?
    public var isBase64Encoded: Bool

    public init(
        resource: String, path: String, httpMethod: String, headers: [String: String]? = nil,
        multiValueHeaders: [String: [String]]? = nil, queryStringParameters: [String: String]? = nil,
        multiValueQueryStringParameters: [String: [String]]? = nil, pathParameters: [String: String]? = nil,
        stageVariables: [String: String]? = nil, requestContext: RequestContext, body: String? = nil,
        isBase64Encoded: Bool = false
    ) {
        self.resource = resource
        self.path = path
        self.httpMethod = httpMethod
        self.headers = headers
        self.multiValueHeaders = multiValueHeaders
        self.queryStringParameters = queryStringParameters
        self.multiValueQueryStringParameters = multiValueQueryStringParameters
        self.pathParameters = pathParameters
        self.stageVariables = stageVariables
        self.requestContext = requestContext
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        resource = try container.decode(String.self, forKey: .resource)
        path = try container.decode(String.self, forKey: .path)
        httpMethod = try container.decode(String.self, forKey: .httpMethod)
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers)
        multiValueHeaders = try container.decodeIfPresent([String: [String]].self, forKey: .multiValueHeaders)
        queryStringParameters = try container.decodeIfPresent([String: String].self, forKey: .queryStringParameters)
        multiValueQueryStringParameters =
            try container.decodeIfPresent([String: [String]].self, forKey: .multiValueQueryStringParameters)
        pathParameters = try container.decodeIfPresent([String: String].self, forKey: .pathParameters)
        stageVariables = try container.decodeIfPresent([String: String].self, forKey: .stageVariables)
        requestContext = try container.decode(RequestContext.self, forKey: .requestContext)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        isBase64Encoded = try container.decodeIfPresent(Bool.self, forKey: .isBase64Encoded) ?? false
    }

    public struct RequestContext: Codable, Sendable, Equatable {
        public var accountId: String
        public var apiId: String
        public var stage: String
        public var requestId: String
        public var resourceId: String?
        public var resourcePath: String?
        public var httpMethod: String
        /// The path as the client sent it, stage included (`/prod/pets/7`).
        public var path: String?
        public var `protocol`: String?
        public var domainName: String?
        public var extendedRequestId: String?
        /// `09/Apr/2015:12:34:56 +0000`.
        public var requestTime: String?
        /// Milliseconds since the Unix epoch.
        public var requestTimeEpoch: Int64?
        public var identity: Identity?
        /// What a Lambda or Cognito authorizer passed on; its shape depends on the authorizer.
        public var authorizer: JSONValue?

        public init(
            accountId: String, apiId: String, stage: String, requestId: String, resourceId: String? = nil,
            resourcePath: String? = nil, httpMethod: String, path: String? = nil, protocol: String? = nil,
            domainName: String? = nil, extendedRequestId: String? = nil, requestTime: String? = nil,
            requestTimeEpoch: Int64? = nil, identity: Identity? = nil, authorizer: JSONValue? = nil
        ) {
            self.accountId = accountId
            self.apiId = apiId
            self.stage = stage
            self.requestId = requestId
            self.resourceId = resourceId
            self.resourcePath = resourcePath
            self.httpMethod = httpMethod
            self.path = path
            self.protocol = `protocol`
            self.domainName = domainName
            self.extendedRequestId = extendedRequestId
            self.requestTime = requestTime
            self.requestTimeEpoch = requestTimeEpoch
            self.identity = identity
            self.authorizer = authorizer
        }
    }

    /// Who called; most fields are null unless IAM or Cognito authorization is on.
    public struct Identity: Codable, Sendable, Equatable {
        public var sourceIp: String?
        public var userAgent: String?
        public var accountId: String?
        public var caller: String?
        public var user: String?
        public var userArn: String?
        public var accessKey: String?
        public var apiKey: String?
        public var apiKeyId: String?
        public var cognitoIdentityId: String?
        public var cognitoIdentityPoolId: String?
        public var cognitoAuthenticationType: String?
        public var cognitoAuthenticationProvider: String?

        public init(
            sourceIp: String? = nil, userAgent: String? = nil, accountId: String? = nil, caller: String? = nil,
            user: String? = nil, userArn: String? = nil, accessKey: String? = nil, apiKey: String? = nil,
            apiKeyId: String? = nil, cognitoIdentityId: String? = nil, cognitoIdentityPoolId: String? = nil,
            cognitoAuthenticationType: String? = nil, cognitoAuthenticationProvider: String? = nil
        ) {
            self.sourceIp = sourceIp
            self.userAgent = userAgent
            self.accountId = accountId
            self.caller = caller
            self.user = user
            self.userArn = userArn
            self.accessKey = accessKey
            self.apiKey = apiKey
            self.apiKeyId = apiKeyId
            self.cognitoIdentityId = cognitoIdentityId
            self.cognitoIdentityPoolId = cognitoIdentityPoolId
            self.cognitoAuthenticationType = cognitoAuthenticationType
            self.cognitoAuthenticationProvider = cognitoAuthenticationProvider
        }
    }
}

/// The answer to a REST API (v1) proxy request. Build one directly or with `.json(_:)`, `.text(_:)`, `.binary(_:)`.
public struct APIGatewayProxyResponse: APIGatewayHTTPResponse, Codable, Sendable, Equatable {
    public var statusCode: Int
    public var headers: [String: String]?
    public var multiValueHeaders: [String: [String]]?
    public var body: String?
    public var isBase64Encoded: Bool

    public init(statusCode: Int, headers: [String: String]?, body: String?, isBase64Encoded: Bool) {
        self.init(statusCode: statusCode, headers: headers, multiValueHeaders: nil, body: body,
                  isBase64Encoded: isBase64Encoded)
    }

    public init(
        statusCode: Int, headers: [String: String]? = nil, multiValueHeaders: [String: [String]]? = nil,
        body: String? = nil, isBase64Encoded: Bool = false
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.multiValueHeaders = multiValueHeaders
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        statusCode = try container.decode(Int.self, forKey: .statusCode)
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers)
        multiValueHeaders = try container.decodeIfPresent([String: [String]].self, forKey: .multiValueHeaders)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        isBase64Encoded = try container.decodeIfPresent(Bool.self, forKey: .isBase64Encoded) ?? false
    }
}
