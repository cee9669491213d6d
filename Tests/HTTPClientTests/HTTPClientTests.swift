import Foundation
import HTTPClient
import ServerFixtures
import Testing

/// One local HTTP + HTTPS server for the whole suite (scripts/testing/http-test-server.py). If it cannot
/// start, every suite's initializer throws the reason, so each test fails with it.
let testServer = Result {
    try ChildServer(command: ["/usr/bin/env", "python3", Paths.repositoryRoot + "/scripts/testing/http-test-server.py",
                              "--tls"])
}

struct Echo: Decodable {
    var method: String
    var path: String
    var headers: [[String]]
    // swiftlint:disable:next identifier_name
    var body_base64: String

    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }

    var body: [UInt8] { Array(Data(base64Encoded: body_base64)!) }
}

@Suite struct HTTPClientTests {
    let client = HTTPClient.shared
    let base: String

    init() throws {
        base = try testServer.get()["http"]
    }

    @Test func getReturnsStatusHeadersAndBody() async throws {
        let response = try await client.request(HTTPRequest(url: "\(base)/echo?x=1", headers: ["X-Custom": "hello"]))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers.values(for: "X-Echo") == ["a", "b"])
        let echo = try JSONDecoder().decode(Echo.self, from: Data(response.body))
        #expect(echo.method == "GET")
        #expect(echo.path == "/echo?x=1")
        #expect(echo.header("X-Custom") == "hello")
    }

    @Test func postSendsBinaryBodyWithoutAddedContentType() async throws {
        let body = (0..<2048).map { UInt8($0 % 256) }
        let response = try await client.request(HTTPRequest(method: .post, url: "\(base)/echo", body: body))
        let echo = try JSONDecoder().decode(Echo.self, from: Data(response.body))
        #expect(echo.method == "POST")
        #expect(echo.body == body)
        #expect(echo.header("Content-Type") == nil)
        #expect(echo.header("Expect") == nil)
    }

    @Test(arguments: [HTTPMethod.put, .delete, .patch])
    func otherMethodsCarryTheirBody(_ method: HTTPMethod) async throws {
        let response = try await client.request(HTTPRequest(
            method: method, url: "\(base)/echo", headers: ["Content-Type": "text/plain"], body: Array("payload".utf8)))
        let echo = try JSONDecoder().decode(Echo.self, from: Data(response.body))
        #expect(echo.method == method.rawValue)
        #expect(echo.body == Array("payload".utf8))
        #expect(echo.header("Content-Type") == "text/plain")
    }

    @Test func headHasNoBody() async throws {
        let response = try await client.request(HTTPRequest(method: .head, url: "\(base)/bytes/100"))
        #expect(response.status == 200)
        #expect(response.headers["Content-Length"] == "100")
        #expect(response.body.isEmpty)
    }

    @Test func errorStatusesAreResponses() async throws {
        let response = try await client.request(HTTPRequest(url: "\(base)/status/503"))
        #expect(response.status == 503)
        #expect(response.text == "status 503")
    }

    @Test func largeBodyArrivesWhole() async throws {
        let response = try await client.request(HTTPRequest(url: "\(base)/bytes/3000000"))
        #expect(response.body.count == 3_000_000)
        #expect(response.body[2_999_999] == UInt8(2_999_999 % 256))
    }

    @Test func twoHundredConcurrentRequests() async throws {
        let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let response = try await client.request(HTTPRequest(url: "\(base)/echo?n=\(index)"))
                    let echo = try JSONDecoder().decode(Echo.self, from: Data(response.body))
                    #expect(echo.path == "/echo?n=\(index)")
                    return (index, response.status)
                }
            }
            return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
        }
        #expect(statuses.count == 200)
        #expect(statuses.values.allSatisfy { $0 == 200 })
    }

    @Test func timeoutAbortsASlowResponse() async throws {
        let url = "\(base)/delay/20000"
        let started = ContinuousClock.now
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.request(HTTPRequest(url: url, timeout: .milliseconds(300)))
        }
        #expect(error?.kind == .timedOut)
        #expect(error?.isTransient == true)
        #expect(ContinuousClock.now - started < .seconds(10), "the transfer was aborted, not waited out")
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let url = "\(base)/delay/20000"
        let started = ContinuousClock.now
        let task = Task { try await client.request(HTTPRequest(url: url)) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(ContinuousClock.now - started < .seconds(10), "the transfer was aborted, not waited out")
    }

    @Test func connectionRefusedIsATransientError() async throws {
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.request(HTTPRequest(url: "http://127.0.0.1:1/"))
        }
        #expect(error?.kind == .connectionFailed)
    }

    @Test func redirectsAreNotFollowedByDefault() async throws {
        let response = try await client.request(HTTPRequest(url: "\(base)/redirect/302?to=/echo"))
        #expect(response.status == 302)
        #expect(response.headers["Location"] == "/echo")
    }

    @Test(arguments: [301, 302, 303])
    func followedRedirectTurnsPostIntoGet(_ code: Int) async throws {
        let response = try await client.request(HTTPRequest(
            method: .post, url: "\(base)/redirect/\(code)?to=/echo", body: Array("x".utf8), redirects: .follow(max: 5)))
        #expect(response.status == 200)
        let echo = try JSONDecoder().decode(Echo.self, from: Data(response.body))
        #expect(echo.method == "GET")
        #expect(response.url == "\(base)/echo")
    }

    @Test func redirectLimitIsEnforced() async throws {
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.request(HTTPRequest(
                url: "\(base)/loop", redirects: .follow(max: 3)))
        }
        #expect(error?.kind == .tooManyRedirects)
    }

    @Test func cookiesStayWithinTheirSession() async throws {
        let session = HTTPCookieSession()
        _ = try await client.request(HTTPRequest(url: "\(base)/set-cookie?flavour=oat", cookies: session))
        let withCookie = try await client.request(HTTPRequest(url: "\(base)/echo", cookies: session))
        #expect(try JSONDecoder().decode(Echo.self, from: Data(withCookie.body)).header("Cookie") == "flavour=oat")

        let otherSession = try await client.request(HTTPRequest(url: "\(base)/echo", cookies: HTTPCookieSession()))
        #expect(try JSONDecoder().decode(Echo.self, from: Data(otherSession.body)).header("Cookie") == nil)
        let noSession = try await client.request(HTTPRequest(url: "\(base)/echo"))
        #expect(try JSONDecoder().decode(Echo.self, from: Data(noSession.body)).header("Cookie") == nil)
    }

    @Test func cookiesSetDuringRedirectsAreKept() async throws {
        let session = HTTPCookieSession()
        let response = try await client.request(HTTPRequest(
            url: "\(base)/redirect/302?to=/set-cookie?step=one", redirects: .follow(max: 2), cookies: session))
        #expect(response.status == 200)
        let echo = try await client.request(HTTPRequest(url: "\(base)/echo", cookies: session))
        #expect(try JSONDecoder().decode(Echo.self, from: Data(echo.body)).header("Cookie") == "step=one")
    }
}

@Suite struct TLSTests {
    let server: ChildServer

    init() throws {
        server = try testServer.get()
    }

    @Test func verifiesAgainstTheConfiguredCA() async throws {
        let client = HTTPClient(configuration: .init(caBundlePath: server["ca_file"]))
        let response = try await client.request(HTTPRequest(url: "\(server["https"])/echo"))
        #expect(response.status == 200)
    }

    @Test func rejectsACertificateTheSystemBundleDoesNotTrust() async throws {
        let client = HTTPClient(configuration: .init())
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.request(HTTPRequest(url: "\(server["https"])/echo"))
        }
        #expect(error?.kind == .tlsFailure)
        #expect(error?.isTransient == false)
    }

    @Test func caBundleLookupPrefersSSLCertFile() {
        #expect(CABundle.locate(environment: ["SSL_CERT_FILE": "/x/ca.pem"], isReadable: { _ in true }) == "/x/ca.pem")
        #expect(CABundle.locate(environment: [:], isReadable: { $0 == "/etc/ssl/certs/ca-certificates.crt" })
            == "/etc/ssl/certs/ca-certificates.crt")
        #expect(CABundle.locate(environment: [:], isReadable: { _ in true }) == "/etc/pki/tls/certs/ca-bundle.crt")
        #expect(CABundle.locate(environment: [:], isReadable: { _ in false }) == nil)
    }
}
