/// How the connection's TLS is checked. Never plaintext: both modes fail when the server offers no TLS.
///
/// This is the setting only, free of any PostgreSQL driver, so that `DatabaseTLS+Environment.swift`
/// (how a function chooses it) stays as it is when the driver changes; `DatabaseTLS+PostgresNIO.swift`
/// turns it into the driver's TLS configuration.
public enum DatabaseTLS: Sendable, Equatable, CustomStringConvertible {
    /// libpq's `sslmode=verify-full`: the server's chain must lead to the given root certificates
    /// (the RDS CA bundle, or a private CA) and name the host we connect to.
    case verifyFull(RootCertificates)
    /// libpq's `sslmode=require`: encrypted, but the server's certificate is not checked, so an
    /// on-path attacker could impersonate it. Only when asked for by name (`PGSSLMODE=require`).
    case require

    public var description: String {
        switch self {
        case .verifyFull(let roots): "TLS verify-full (root certificates from \(roots))"
        case .require: "TLS require (server certificate NOT verified)"
        }
    }
}

/// The CA bundle that verify-full checks the server's chain against.
public enum RootCertificates: Sendable, Equatable, CustomStringConvertible {
    /// A PEM file, e.g. one a Lambda layer ships (`PGSSLROOTCERT`, as libpq names it).
    case file(path: String)
    /// PEM text read at init from an SSM parameter (`DATABASE_CA_BUNDLE_PARAMETER_NAME`): RDS's CA
    /// bundle is in no public trust store, so the deployer stores it and the template names it.
    case pem(String, parameterName: String)

    /// Where the certificates came from (never the PEM itself: it says nothing and fills a log line).
    public var description: String {
        switch self {
        case .file(let path): "PGSSLROOTCERT \(path)"
        case .pem(_, let parameterName): "SSM parameter \(parameterName)"
        }
    }
}
