/// What the client needs to know to reach and sign for one AWS service.
public struct AWSService: Sendable, Hashable {
    /// The SigV4 service name in the credential scope.
    public var signingName: String
    /// The first label of the regional host name (`<hostPrefix>.<region>.amazonaws.com`).
    public var hostPrefix: String
    /// The suffix of the service's endpoint variable, `AWS_ENDPOINT_URL_<name>`, as the AWS SDKs spell it.
    public var environmentName: String

    public init(signingName: String, hostPrefix: String, environmentName: String) {
        self.signingName = signingName
        self.hostPrefix = hostPrefix
        self.environmentName = environmentName
    }

    public static let dynamoDB = AWSService(signingName: "dynamodb", hostPrefix: "dynamodb", environmentName: "DYNAMODB")
    public static let s3 = AWSService(signingName: "s3", hostPrefix: "s3", environmentName: "S3")
    public static let ssm = AWSService(signingName: "ssm", hostPrefix: "ssm", environmentName: "SSM")
    public static let secretsManager = AWSService(
        signingName: "secretsmanager", hostPrefix: "secretsmanager", environmentName: "SECRETS_MANAGER")
    public static let eventBridge = AWSService(signingName: "events", hostPrefix: "events", environmentName: "EVENTBRIDGE")
    public static let sqs = AWSService(signingName: "sqs", hostPrefix: "sqs", environmentName: "SQS")
    public static let cognitoIdentityProvider = AWSService(
        signingName: "cognito-idp", hostPrefix: "cognito-idp", environmentName: "COGNITO_IDENTITY_PROVIDER")
    public static let bedrockRuntime = AWSService(
        signingName: "bedrock", hostPrefix: "bedrock-runtime", environmentName: "BEDROCK_RUNTIME")
}

/// Picks each service's base URL: `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the regional
/// AWS endpoint. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` turns the overrides off, as in the SDKs.
public struct EndpointResolver: Sendable {
    public struct Endpoint: Sendable, Equatable {
        /// Scheme, host and optional port and path prefix; no trailing slash.
        public var url: String
        /// Set by configuration rather than derived (S3 then uses path-style addressing).
        public var isOverridden: Bool
    }

    public let region: String
    private let environment: [String: String]

    public init(region: String, environment: [String: String]) {
        self.region = region
        self.environment = environment
    }

    public func endpoint(for service: AWSService) -> Endpoint {
        let ignoresOverrides = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        if !ignoresOverrides {
            for name in ["AWS_ENDPOINT_URL_\(service.environmentName)", "AWS_ENDPOINT_URL"] {
                if let url = environment[name], !url.isEmpty {
                    return Endpoint(url: url.hasSuffix("/") ? String(url.dropLast()) : url, isOverridden: true)
                }
            }
        }
        let domain = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return Endpoint(url: "https://\(service.hostPrefix).\(region).\(domain)", isOverridden: false)
    }
}
