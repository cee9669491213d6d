import Testing

@testable import LambdaRuntime

@Suite struct RuntimeEndpointTests {
    @Test func hostAndPortAsLambdaSetsIt() throws {
        let endpoint = try RuntimeEndpoint("127.0.0.1:9001")
        #expect(endpoint.nextURL == "http://127.0.0.1:9001/2018-06-01/runtime/invocation/next")
        #expect(endpoint.initErrorURL == "http://127.0.0.1:9001/2018-06-01/runtime/init/error")
        #expect(endpoint.invocationPrefix == "http://127.0.0.1:9001/2018-06-01/runtime/invocation/")
    }

    @Test func urlWithSchemeAndBasePathAsEmulatorsSetIt() throws {
        let endpoint = try RuntimeEndpoint("http://127.0.0.1:9000/.rt/Echo")
        #expect(endpoint.nextURL == "http://127.0.0.1:9000/.rt/Echo/2018-06-01/runtime/invocation/next")
    }

    @Test func trailingSlashesAndWhitespaceAreDropped() throws {
        #expect(try RuntimeEndpoint(" http://[::]:9000/.rt/ \n").baseURL == "http://[::]:9000/.rt")
        #expect(try RuntimeEndpoint("localhost:9001/").baseURL == "http://localhost:9001")
    }

    @Test(arguments: ["", "   ", "ftp://host:1", "http://", "http:///path", "host:1 2"])
    func unusableValuesAreRejected(_ value: String) {
        #expect(throws: InvalidRuntimeEndpoint.self) { try RuntimeEndpoint(value) }
    }
}
