#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the trusted CA certificates are. A statically linked libcurl has no reliable compiled-in default,
/// so the client always names the file.
public enum CABundle {
    public static let wellKnownPaths = [
        "/etc/pki/tls/certs/ca-bundle.crt",  // Amazon Linux (Lambda), Fedora, RHEL
        "/etc/ssl/certs/ca-certificates.crt",  // Debian, Ubuntu, Alpine
        "/etc/ssl/cert.pem",  // macOS, BSDs
    ]

    /// `SSL_CERT_FILE` when set, else the first well-known file that exists; reads that one variable
    /// of the process environment (a copy of all of it, `ProcessInfo`'s, costs 0.15 ms of a cold start).
    public static func locate() -> String? {
        locate(configured: getenv("SSL_CERT_FILE").map { String(cString: $0) })
    }

    /// `SSL_CERT_FILE` when set, else the first well-known file that exists.
    public static func locate(
        environment: [String: String],
        isReadable: (String) -> Bool = fileIsReadable
    ) -> String? {
        locate(configured: environment["SSL_CERT_FILE"], isReadable: isReadable)
    }

    private static func locate(configured: String?, isReadable: (String) -> Bool = fileIsReadable) -> String? {
        if let configured, !configured.isEmpty { return configured }
        return wellKnownPaths.first(where: isReadable)
    }

    @usableFromInline static func fileIsReadable(_ path: String) -> Bool {
        access(path, R_OK) == 0
    }
}
