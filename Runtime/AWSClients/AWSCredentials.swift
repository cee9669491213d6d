import LambdaSystem
/// An access key pair, with the session token and expiry of temporary credentials.
public struct AWSCredentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Timestamp?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Timestamp? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }
}

extension AWSCredentials: CustomStringConvertible {
    /// Never prints the secret or the token.
    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: "
            + (sessionToken == nil ? "nil" : "<redacted>") + ")"
    }
}
