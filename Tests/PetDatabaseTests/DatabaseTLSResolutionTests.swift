import LambdaRuntime
import Testing

@testable import PetDatabase

/// How `PGSSLMODE`, `PGSSLROOTCERT` and `DATABASE_CA_BUNDLE_PARAMETER_NAME` choose the TLS setting,
/// without a server; `DatabaseTLSIntegrationTests` connects with the result.
@Suite struct DatabaseTLSResolutionTests {
    @Test func unsetModeWithABundleParameterVerifiesAgainstTheParametersPEM() async throws {
        let ssm = RecordingParameters(["/petstore/database-ca-bundle": Self.pem])
        let tls = try await DatabaseTLS.resolve(
            LambdaEnvironment(["DATABASE_CA_BUNDLE_PARAMETER_NAME": "/petstore/database-ca-bundle"]),
            readParameter: ssm.read)
        #expect(tls == .verifyFull(.pem(Self.pem, parameterName: "/petstore/database-ca-bundle")))
        #expect(await ssm.reads == ["/petstore/database-ca-bundle"])
    }

    @Test func verifyFullWithARootCertificateFileUsesTheFileAndReadsNoParameter() async throws {
        let ssm = RecordingParameters([:])
        for mode in ["verify-full", ""] {  // an empty variable is an unset one, as Lambda's console leaves it
            let tls = try await DatabaseTLS.resolve(
                LambdaEnvironment([
                    "PGSSLMODE": mode, "PGSSLROOTCERT": "/opt/rds-ca.pem",
                    "DATABASE_CA_BUNDLE_PARAMETER_NAME": "/petstore/database-ca-bundle",
                ]),
                readParameter: ssm.read)
            #expect(tls == .verifyFull(.file(path: "/opt/rds-ca.pem")))
        }
        #expect(await ssm.reads.isEmpty)
    }

    @Test func verifyFullWithoutABundleIsAnErrorSayingWhatToSet() async throws {
        for environment in [[:], ["PGSSLMODE": "verify-full"], ["PGSSLROOTCERT": "", "DATABASE_CA_BUNDLE_PARAMETER_NAME": ""]] {
            let error = await #expect(throws: DatabaseTLSConfigurationError.self) {
                try await DatabaseTLS.resolve(LambdaEnvironment(environment), readParameter: RecordingParameters([:]).read)
            }
            #expect(error?.description.contains("DATABASE_CA_BUNDLE_PARAMETER_NAME") == true)
            #expect(error?.description.contains("PGSSLROOTCERT") == true)
        }
    }

    @Test func requireIsUnverifiedOnlyWhenAskedForAndReadsNoBundle() async throws {
        let ssm = RecordingParameters(["/petstore/database-ca-bundle": Self.pem])
        let tls = try await DatabaseTLS.resolve(
            LambdaEnvironment(["PGSSLMODE": "require", "DATABASE_CA_BUNDLE_PARAMETER_NAME": "/petstore/database-ca-bundle"]),
            readParameter: ssm.read)
        #expect(tls == .require)
        #expect(await ssm.reads.isEmpty)
    }

    @Test(arguments: ["disable", "allow", "prefer", "verify-ca", "VERIFY-FULL", "verify_full", " require"])
    func anyOtherModeIsAnErrorNamingTheAcceptedOnes(mode: String) async throws {
        let error = await #expect(throws: DatabaseTLSConfigurationError.self) {
            try await DatabaseTLS.resolve(
                LambdaEnvironment(["PGSSLMODE": mode, "PGSSLROOTCERT": "/opt/rds-ca.pem"]),
                readParameter: RecordingParameters([:]).read)
        }
        #expect(error?.description.contains("\"\(mode)\"") == true)
        #expect(error?.description.contains("verify-full") == true)
        #expect(error?.description.contains("require") == true)
    }

    @Test func aParameterThatCannotBeReadIsAnErrorNamingIt() async throws {
        let error = await #expect(throws: DatabaseTLSConfigurationError.self) {
            try await DatabaseTLS.resolve(
                LambdaEnvironment(["DATABASE_CA_BUNDLE_PARAMETER_NAME": "/petstore/missing"]),
                readParameter: RecordingParameters([:]).read)
        }
        #expect(error?.description.contains("/petstore/missing") == true)
        #expect(error?.description.contains("ParameterNotFound") == true)
    }

    @Test func aBundleThatIsNotPEMIsAnInitErrorNamingItsSource() throws {
        for roots in [RootCertificates.pem("not a certificate", parameterName: "/petstore/database-ca-bundle"),
                      .pem("", parameterName: "/petstore/database-ca-bundle"), .file(path: "/nonexistent/ca.pem")] {
            let error = #expect(throws: DatabaseTLSConfigurationError.self) {
                try DatabaseTLS.verifyFull(roots).connectionTLS()
            }
            #expect(error?.description.contains("\(roots)") == true, "\(String(describing: error))")
        }
    }

    @Test func aPEMBundleLoads() throws {
        _ = try DatabaseTLS.verifyFull(.pem(Self.pem, parameterName: "/petstore/database-ca-bundle")).connectionTLS()
    }

    @Test func descriptionsNameTheSourceAndNeverThePEM() {
        let tls = DatabaseTLS.verifyFull(.pem(Self.pem, parameterName: "/petstore/database-ca-bundle"))
        #expect("\(tls)" == "TLS verify-full (root certificates from SSM parameter /petstore/database-ca-bundle)")
        #expect("\(DatabaseTLS.require)".contains("NOT verified"))
    }

    /// A self-signed CA (openssl req -x509, EC P-256, valid until 2126); only its syntax matters here.
    static let pem = """
        -----BEGIN CERTIFICATE-----
        MIIBkzCCATmgAwIBAgIUEanLkDGAQQCN58qdquAMQG3KVPswCgYIKoZIzj0EAwIw
        HjEcMBoGA1UEAwwTcGV0ZGF0YWJhc2UgdGVzdCBDQTAgFw0yNjEyMDIxNjQ1MDJa
        GA8yMTI2MTEwODE2NDUwMlowHjEcMBoGA1UEAwwTcGV0ZGF0YWJhc2UgdGVzdCBD
        QTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNfBAz4O532KQGTR01EciQ7FQxoa
        48sx/3YJKN0HUZ1geRH2gZ6gsbLO6UDmi2kKgMqQb5rbK34gKPzELZkx+6mjUzBR
        MB0GA1UdDgQWBBTMmfU199N/8rqXgrt1Sz3MZwmorTAfBgNVHSMEGDAWgBTMmfU1
        99N/8rqXgrt1Sz3MZwmorTAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gA
        MEUCIBeyf4NQrz6kk5MgGFJVvFuMUmT00HjnLp/vanY13z8RAiEAlb3xJ9hnyb/G
        FZJsh+yF1l5LRuqLq9HuulwJ+JoVdGI=
        -----END CERTIFICATE-----
        """
}

/// An SSM stand-in that records which parameters were read; an unknown name fails as SSM does.
actor RecordingParameters {
    private let values: [String: String]
    private(set) var reads: [String] = []

    init(_ values: [String: String]) {
        self.values = values
    }

    func read(_ name: String) async throws -> String {
        reads.append(name)
        guard let value = values[name] else { throw ParameterNotFound(name: name) }
        return value
    }
}

struct ParameterNotFound: Error, CustomStringConvertible {
    var name: String
    var description: String { "ParameterNotFound: \(name)" }
}
