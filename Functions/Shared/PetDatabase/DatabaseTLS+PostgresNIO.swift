import NIOSSL
import PostgresNIO

extension DatabaseTLS {
    /// The TLS setting for postgres-nio. Loads the root certificates now, so that a bundle that is not
    /// PEM is an init error naming where it came from, not a failure of every connection.
    func connectionTLS() throws(DatabaseTLSConfigurationError) -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        switch self {
        case .verifyFull(let roots):
            // Chain and host name: postgres-nio gives NIOSSL the host (or, for an IP, the peer's address).
            configuration.certificateVerification = .fullVerification
            configuration.trustRoots = .certificates(try roots.load())
        case .require:
            configuration.certificateVerification = .none
        }
        do {
            return .require(try NIOSSLContext(configuration: configuration))
        } catch {
            throw DatabaseTLSConfigurationError("cannot set up TLS (\(self)): \(error)")
        }
    }

    /// Why the server was refused when `error` (from connecting to `host`) is verify-full rejecting its
    /// certificate: postgres-nio reports it as a generic connection error wrapping NIOSSL's.
    func refusal(of error: any Error, host: String) -> DatabaseServerNotVerified? {
        guard case .verifyFull(let roots) = self, let underlying = (error as? PSQLError)?.underlying else { return nil }
        if let extra = underlying as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return DatabaseServerNotVerified(
                "the server's certificate does not name \(host), the host connected to (verify-full checks the "
                    + "host name: connect by a name the certificate was issued for, e.g. the RDS endpoint, not an alias)")
        }
        if let ssl = underlying as? NIOSSLError, case .handshakeFailed(let reasons) = ssl {
            return DatabaseServerNotVerified(
                "the TLS handshake with \(host) failed (\(reasons)): verify-full found no chain from the server's "
                    + "certificate to the root certificates from \(roots), or the certificate is invalid")
        }
        return nil
    }
}

extension RootCertificates {
    fileprivate func load() throws(DatabaseTLSConfigurationError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            switch self {
            case .file(let path): certificates = try NIOSSLCertificate.fromPEMFile(path)
            case .pem(let text, _): certificates = try NIOSSLCertificate.fromPEMBytes(Array(text.utf8))
            }
        } catch {
            throw DatabaseTLSConfigurationError("the root certificates from \(self) are not a readable PEM bundle: \(error)")
        }
        guard !certificates.isEmpty else {
            throw DatabaseTLSConfigurationError("the root certificates from \(self) hold no PEM certificate")
        }
        return certificates
    }
}

/// verify-full refused the server: its certificate names another host or chains to no trusted root.
public struct DatabaseServerNotVerified: Error, CustomStringConvertible {
    public let description: String

    init(_ reason: String) {
        description = "PostgreSQL server not verified: \(reason)"
    }
}
