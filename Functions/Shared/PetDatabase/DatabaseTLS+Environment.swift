import LambdaRuntime

extension DatabaseTLS {
    /// The TLS setting a PostgreSQL function is configured for, read once at init:
    /// - `PGSSLMODE`: `verify-full` (also when unset) or `require`; anything else is an error, so a
    ///   libpq mode we do not implement (`verify-ca`, `prefer`, `disable`, ...) is never silently
    ///   treated as another.
    /// - the CA bundle for verify-full: the PEM file `PGSSLROOTCERT` names, or else the PEM text held by
    ///   the SSM parameter `DATABASE_CA_BUNDLE_PARAMETER_NAME` names (read through `readParameter`).
    ///   Neither is an error saying what to set: verified TLS is never downgraded for lack of a bundle.
    /// `require` reads no bundle: it would not be used.
    public static func resolve(
        _ environment: LambdaEnvironment, readParameter: (_ name: String) async throws -> String
    ) async throws(DatabaseTLSConfigurationError) -> DatabaseTLS {
        switch environment["PGSSLMODE"] ?? "verify-full" {
        case "verify-full":
            if let path = environment["PGSSLROOTCERT"] {
                return .verifyFull(.file(path: path))
            }
            guard let parameterName = environment["DATABASE_CA_BUNDLE_PARAMETER_NAME"] else {
                throw DatabaseTLSConfigurationError(
                    "PGSSLMODE verify-full (the default) needs the CA bundle that signed the server's certificate: "
                        + "set DATABASE_CA_BUNDLE_PARAMETER_NAME to the SSM parameter holding it (PEM) or PGSSLROOTCERT "
                        + "to a PEM file; PGSSLMODE=require connects without verifying the server")
            }
            do {
                return .verifyFull(.pem(try await readParameter(parameterName), parameterName: parameterName))
            } catch {
                throw DatabaseTLSConfigurationError(
                    "cannot read the CA bundle from SSM parameter \(parameterName) (DATABASE_CA_BUNDLE_PARAMETER_NAME): \(error)")
            }
        case "require":
            return .require
        case let other:
            throw DatabaseTLSConfigurationError(
                "PGSSLMODE \"\(other)\" is not supported: use verify-full (the default) or require")
        }
    }

    /// What `require` costs, logged at init so that an unverified deployment is never silent.
    public static let unverifiedWarning =
        "PGSSLMODE=require: the connection is encrypted but the server's certificate is NOT verified, so an "
        + "on-path attacker can impersonate the database; use verify-full with DATABASE_CA_BUNDLE_PARAMETER_NAME"
}

/// A TLS setting a function cannot start with; the message says what to set.
public struct DatabaseTLSConfigurationError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
