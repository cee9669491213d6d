import NIOSSL
import PostgresNIO

/// How the connection's TLS is checked. Never plaintext: both modes fail when the server offers no TLS.
public enum DatabaseTLS: Sendable, Equatable, CustomStringConvertible {
    /// libpq's `sslmode=verify-full`: the server's chain must lead to the given root certificates
    /// (the RDS CA bundle, or a private CA) and name the host we connect to.
    case verifyFull(rootCertificatePath: String)
    /// libpq's `sslmode=require`: encrypted, but the server's certificate is not checked, so an
    /// on-path attacker could impersonate it. Only used when no CA bundle is configured.
    case require

    /// `PGSSLROOTCERT` (libpq's variable, a PEM file) selects verify-full; without it, `require`.
    public init(environment: [String: String]) {
        if let path = environment["PGSSLROOTCERT"], !path.isEmpty {
            self = .verifyFull(rootCertificatePath: path)
        } else {
            self = .require
        }
    }

    public var description: String {
        switch self {
        case .verifyFull(let path): "TLS verify-full (root certificates \(path))"
        case .require: "TLS require (certificate NOT verified: set PGSSLROOTCERT to a CA bundle to verify it)"
        }
    }

    /// The TLS setting for postgres-nio; throws when the root certificate file cannot be loaded.
    func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        switch self {
        case .verifyFull(let path):
            configuration.certificateVerification = .fullVerification
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
        case .require:
            configuration.certificateVerification = .none
        }
        return .require(try NIOSSLContext(configuration: configuration))
    }
}
