import Foundation
import HTTPClient
import ServerFixtures
import Testing

@testable import AWSClients
import LambdaSystem

@Suite struct EndpointTests {
    @Test func regionalDefaultsUseTheServiceHostPrefix() {
        let resolver = EndpointResolver(region: "eu-central-1", environment: [:])
        #expect(resolver.endpoint(for: .dynamoDB).url == "https://dynamodb.eu-central-1.amazonaws.com")
        #expect(resolver.endpoint(for: .bedrockRuntime).url == "https://bedrock-runtime.eu-central-1.amazonaws.com")
        #expect(resolver.endpoint(for: .cognitoIdentityProvider).url == "https://cognito-idp.eu-central-1.amazonaws.com")
        #expect(resolver.endpoint(for: .eventBridge).url == "https://events.eu-central-1.amazonaws.com")
        #expect(!resolver.endpoint(for: .s3).isOverridden)
        #expect(EndpointResolver(region: "cn-north-1", environment: [:]).endpoint(for: .sqs).url
            == "https://sqs.cn-north-1.amazonaws.com.cn")
    }

    @Test func serviceVariableBeatsTheGlobalOne() {
        let resolver = EndpointResolver(region: "us-east-1", environment: [
            "AWS_ENDPOINT_URL": "http://localhost:4566/",
            "AWS_ENDPOINT_URL_DYNAMODB": "http://localhost:8000",
            "AWS_ENDPOINT_URL_BEDROCK_RUNTIME": "http://localhost:9000",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://localhost:9001",
            "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "http://localhost:9002",
            "AWS_ENDPOINT_URL_EVENTBRIDGE": "http://localhost:9003",
        ])
        #expect(resolver.endpoint(for: .dynamoDB) == .init(url: "http://localhost:8000", isOverridden: true))
        #expect(resolver.endpoint(for: .bedrockRuntime).url == "http://localhost:9000")
        #expect(resolver.endpoint(for: .secretsManager).url == "http://localhost:9001")
        #expect(resolver.endpoint(for: .cognitoIdentityProvider).url == "http://localhost:9002")
        #expect(resolver.endpoint(for: .eventBridge).url == "http://localhost:9003")
        #expect(resolver.endpoint(for: .s3) == .init(url: "http://localhost:4566", isOverridden: true))
    }

    @Test func overridesCanBeIgnored() {
        let resolver = EndpointResolver(region: "us-east-1", environment: [
            "AWS_ENDPOINT_URL": "http://localhost:4566", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true",
        ])
        #expect(resolver.endpoint(for: .ssm).url == "https://ssm.us-east-1.amazonaws.com")
    }

    @Test func s3IsVirtualHostedOnAWSAndPathStyleOnAnOverride() {
        let keys = ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b", "AWS_REGION": "eu-west-1"]
        let aws = S3(client: AWSClient(environment: keys))
        let call = aws.call(.get, bucket: "pets", key: "photos/a b.jpg")
        #expect(aws.client.url(for: call) == "https://pets.s3.eu-west-1.amazonaws.com/photos/a%20b.jpg")
        #expect(aws.client.url(for: aws.call(.get, bucket: "my.pets", key: "k"))
            == "https://s3.eu-west-1.amazonaws.com/my.pets/k")

        let local = S3(client: AWSClient(environment: keys.merging(["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:5000"]) { $1 }))
        #expect(local.client.url(for: local.call(.get, bucket: "pets", key: "photos/ሴ.jpg"))
            == "http://127.0.0.1:5000/pets/photos/%E1%88%B4.jpg")
    }

    @Test func regionComesFromTheEnvironment() {
        #expect(AWSClient(environment: ["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "x"]).region == "ap-south-1")
        #expect(AWSClient(environment: ["AWS_DEFAULT_REGION": "sa-east-1"]).region == "sa-east-1")
        #expect(AWSClient(region: "eu-north-1", environment: ["AWS_REGION": "x"]).region == "eu-north-1")
    }
}

/// A credentials endpoint for the container provider (served by scripts/testing/http-test-server.py).
let credentialsServerProcess = Result {
    try ChildServer(command: ["/usr/bin/env", "python3", Paths.repositoryRoot + "/scripts/testing/http-test-server.py"])
}

@Suite struct CredentialChainTests {
    let credentialsServer: ChildServer

    init() throws {
        credentialsServer = try credentialsServerProcess.get()
    }

    static func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("creds-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func environmentKeysComeFirst() async throws {
        let file = try Self.temporaryFile("[default]\naws_access_key_id = FILE\naws_secret_access_key = s\n")
        let provider = DefaultCredentialsProvider(environment: [
            "AWS_ACCESS_KEY_ID": "ENV", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "tok",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/never", "AWS_SHARED_CREDENTIALS_FILE": file,
        ])
        #expect(try await provider.credentials()
            == AWSCredentials(accessKeyID: "ENV", secretAccessKey: "secret", sessionToken: "tok"))
    }

    @Test func containerEndpointComesSecondWithTheTokenFromItsFile() async throws {
        let tokenFile = try Self.temporaryFile("Bearer file-token\n")
        let counter = UUID().uuidString
        let environment = [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(credentialsServer["http"])/credentials/\(counter)",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer ignored-when-the-file-is-set",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            "AWS_SHARED_CREDENTIALS_FILE": try Self.temporaryFile("[default]\naws_access_key_id = FILE\n"),
        ]
        let provider = DefaultCredentialsProvider(environment: environment)
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID == "CONTAINERKEY")
        #expect(credentials.sessionToken == "container-token")
        #expect(credentials.secretAccessKey == "Bearer file-token")  // the server echoes the Authorization it got
        #expect(credentials.expiration == Timestamp(iso8601: "2099-01-01T00:00:00Z"))
        _ = try await provider.credentials()
        #expect(try await fetchCount(counter) == 1, "cached until near expiry")
    }

    @Test func containerCredentialsAreRefreshedNearExpiry() async throws {
        let counter = UUID().uuidString
        let clock = ManualClock(Timestamp(secondsSince1970: 0))
        let environment = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(credentialsServer["http"])/credentials/\(counter)",
                           "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer env-token"]
        let provider = ContainerCredentialsProvider(environment: environment, now: { clock.now })!
        #expect(try await provider.credentials().secretAccessKey == "Bearer env-token")
        clock.now = Timestamp(iso8601: "2098-12-31T23:56:00Z")!  // four minutes before expiry
        _ = try await provider.credentials()
        #expect(try await fetchCount(counter) == 2)
    }

    @Test func relativeURIUsesTheECSAddress() throws {
        let provider = try #require(ContainerCredentialsProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"]))
        #expect(provider.url == "http://169.254.170.2/v2/credentials/abc")
    }

    @Test func sharedFileProfileComesLast() async throws {
        let file = try Self.temporaryFile("""
            [default]
            aws_access_key_id = DEFAULTKEY
            aws_secret_access_key = default-secret
            # a comment
            [profile dev]
            aws_access_key_id=DEVKEY
            aws_secret_access_key=dev-secret
            aws_session_token = dev-token
            """)
        let byDefault = DefaultCredentialsProvider(environment: ["AWS_SHARED_CREDENTIALS_FILE": file])
        #expect(try await byDefault.credentials().accessKeyID == "DEFAULTKEY")
        let dev = DefaultCredentialsProvider(environment: ["AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "dev"])
        #expect(try await dev.credentials()
            == AWSCredentials(accessKeyID: "DEVKEY", secretAccessKey: "dev-secret", sessionToken: "dev-token"))
        let missing = DefaultCredentialsProvider(environment: ["AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "nope"])
        await #expect(throws: CredentialsNotFound.self) { _ = try await missing.credentials() }
    }

    @Test func nothingConfiguredIsAClearError() async throws {
        let provider = DefaultCredentialsProvider(environment: ["HOME": "/nonexistent"])
        let error = await #expect(throws: CredentialsNotFound.self) { _ = try await provider.credentials() }
        #expect(error?.description.contains("/nonexistent/.aws/credentials") == true)
    }

    @Test func descriptionsNeverShowSecrets() {
        let text = "\(AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s3cr3t", sessionToken: "t0k3n"))"
        #expect(text.contains("AKID"))
        #expect(!text.contains("s3cr3t") && !text.contains("t0k3n"))
    }

    private func fetchCount(_ counter: String) async throws -> Int {
        let response = try await HTTPClient.shared.request(HTTPRequest(
            url: "\(credentialsServer["http"])/credentials-count/\(counter)"))
        return Int(response.text) ?? -1
    }
}

final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Timestamp
    init(_ start: Timestamp) { value = start }
    var now: Timestamp {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
