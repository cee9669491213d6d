import Foundation
import Testing

/// TrafficGenerator through `lambda-local invoke` against the stack: the site's URL from moto's SSM
/// (`/petstore/petsite-url`), the visits to the stack's pet-site stub (`scripts/petsite-stub.py`), whose
/// record of every request is the evidence. Serialized: each test starts from an empty record.
@Suite(.serialized) struct TrafficGeneratorIntegrationTests {
    /// What one visit looks like at the site: the thirteen steps, plus the GET that follows each redirect.
    static let visit = [
        "GET /", "GET /", "GET /Adoption", "GET /Payment", "GET /FoodService",
        "POST /FoodService/AddToCart", "GET /FoodService",
        "GET /FoodService/GetCartCount", "POST /Checkout/RemoveItem",
        "POST /FoodService/AddToCart", "GET /FoodService",
        "POST /Checkout/ClearCart", "GET /Checkout",
        "POST /FoodService/AddToCart", "GET /FoodService",
        "GET /Checkout", "POST /Checkout/PayAndCheckOut",
    ]

    @Test func fiftyVisitorsWalkTheWholeSiteEachWithTheirOwnCookies() throws {
        let stack = try AdoptionStack()
        let site = try PetSiteStub(stack: stack)
        try site.reset()

        let result = try stack.invoke("TrafficGenerator", event: try fixture("scheduled-event.json"), timeoutSeconds: 120)

        #expect(result.status == 0, "\(result.stderr)")
        let report = try Report(result.stdout)
        #expect(report.journeysStarted == 50 && report.journeysCompleted == 50, "CONCURRENT_USERS is 50 in env.json")
        #expect(report.requests == 50 * 13 && report.failures == 0 && report.redirected == 50 * 4)
        #expect(report.siteURL == site.url)

        let records = try site.records()
        let visits = Dictionary(grouping: records, by: \.sessionID)
        #expect(visits.count == 50, "one cookie session per journey")
        for (session, requests) in visits {
            #expect(requests.map(\.line) == Self.visit, "session \(session)")
            // The first request gets the cookie; every later one sends it back, and only this one.
            #expect(requests.first?.newSession == session && requests.first?.cookie == nil)
            #expect(requests.dropFirst().allSatisfy { $0.session == session && $0.cookie == "PetSiteSession=\(session)" })
            #expect(Set(requests.compactMap { $0.fields["userId"] }).count == 1, "one visitor per session")
            #expect(requests.allSatisfy { $0.status < 400 }, "\(requests.filter { $0.status >= 400 })")
            #expect(requests.last?.cardNumberValid == true)
        }
        #expect(!records.contains { $0.fields.values.contains("4111111111111111") })
        #expect(!result.stderr.contains("4111111111111111"), "the card number is never logged")

        // The function counts each step under its path with the status it finally got.
        #expect(report.statusCounts == Self.finalStatuses(of: records))
        #expect(report.statusCounts["/Adoption"] == ["200": 50])
        #expect(report.statusCounts["/FoodService/AddToCart"] == ["200": 150])
    }

    @Test func customInputSetsTheNumberOfVisitors() throws {
        let stack = try AdoptionStack()
        let site = try PetSiteStub(stack: stack)
        try site.reset()

        let result = try stack.invoke("TrafficGenerator", event: try fixture("custom-input.json"))

        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Report(result.stdout).journeysCompleted == 5)
        #expect(Set(try site.records().map(\.sessionID)).count == 5)
    }

    @Test func aShortTimeoutStopsStartingVisitsAndStillReports() throws {
        let stack = try AdoptionStack()
        let site = try PetSiteStub(stack: stack)
        try site.reset()

        let result = try stack.invoke("TrafficGenerator", event: try fixture("scheduled-event.json"),
                                      environment: ["CONCURRENT_USERS": "10000"], timeoutSeconds: 3)

        #expect(result.status == 0, "a report, not a timeout: \(result.stderr)")
        let report = try Report(result.stdout)
        #expect(report.journeysStarted > 0 && report.journeysStarted < 10000)
        #expect(report.journeysSkipped == 10000 - report.journeysStarted)
        #expect(report.journeysStarted == report.journeysCompleted + report.journeysCutShort + report.journeysFailed)
        let stepsAtSite = try site.records().filter { !$0.followedRedirect }.count
        #expect(stepsAtSite >= report.requests - report.failures)
    }

    @Test func aSiteThatIsDownEndsEachVisitAtItsFirstStep() throws {
        let stack = try AdoptionStack()
        let closedPort = try freePort()
        try stack.aws("ssm", "put_parameter", [
            "Name": "/petstore/petsite-url-down", "Value": "http://127.0.0.1:\(closedPort)", "Type": "String",
            "Overwrite": true,
        ], endpoint: try stack.awsEndpoint(for: "TrafficGenerator"))

        let result = try stack.invoke("TrafficGenerator", event: try fixture("scheduled-event.json"), environment: [
            "PETSITE_URL_PARAMETER_NAME": "/petstore/petsite-url-down", "CONCURRENT_USERS": "3",
        ])

        #expect(result.status == 0, "\(result.stderr)")
        let report = try Report(result.stdout)
        #expect(report.journeysStarted == 3 && report.journeysFailed == 3)
        #expect(report.requests == 3 && report.failures == 3)
        #expect(report.statusCounts == ["/": ["error": 3]])
    }

    // MARK: - Helpers

    private func fixture(_ name: String) throws -> String {
        let file = try AdoptionStack().repository.appending(path: "events/TrafficGenerator/\(name)")
        return try String(contentsOf: file, encoding: .utf8)
    }

    /// Per path of each step sent, the status the visitor ended with (the redirect target's, after a redirect).
    static func finalStatuses(of records: [PetSiteStub.Record]) -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        for (_, requests) in Dictionary(grouping: records, by: \.sessionID) {
            for (index, request) in requests.enumerated() where !request.followedRedirect {
                let next = requests.indices.contains(index + 1) ? requests[index + 1] : nil
                let final = next.map { $0.followedRedirect ? $0.status : request.status } ?? request.status
                counts[request.path, default: [:]][String(final), default: 0] += 1
            }
        }
        return counts
    }
}

/// TrafficGenerator's answer.
private struct Report: Decodable {
    var siteURL: String
    var journeysStarted: Int
    var journeysCompleted: Int
    var journeysFailed: Int
    var journeysCutShort: Int
    var journeysSkipped: Int
    var requests: Int
    var failures: Int
    var redirected: Int
    var durationMs: Int
    var statusCounts: [String: [String: Int]]

    init(_ json: String) throws {
        self = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
    }
}

/// The stack's pet-site stub and its record of requests (`GET /__stub/requests`).
struct PetSiteStub {
    struct Record: Decodable {
        var method: String
        var path: String
        var cookie: String?
        var session: String?
        var newSession: String?
        var status: Int
        var fields: [String: String]
        var cardNumberValid: Bool?
        /// Set after decoding: this GET followed the session's previous answer, a redirect.
        var followedRedirect = false

        var sessionID: String { session ?? newSession ?? "none" }
        var line: String { "\(method) \(path)" }

        enum CodingKeys: String, CodingKey {
            case method, path, cookie, session, newSession, status, fields, cardNumberValid
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            method = try container.decode(String.self, forKey: .method)
            path = try container.decode(String.self, forKey: .path)
            cookie = try container.decodeIfPresent(String.self, forKey: .cookie)
            session = try container.decodeIfPresent(String.self, forKey: .session)
            newSession = try container.decodeIfPresent(String.self, forKey: .newSession)
            status = try container.decode(Int.self, forKey: .status)
            fields = try container.decodeIfPresent([String: String].self, forKey: .fields) ?? [:]
            cardNumberValid = try container.decodeIfPresent(Bool.self, forKey: .cardNumberValid)
        }
    }

    let url: String

    init(stack: AdoptionStack) throws {
        let file = stack.directory.appending(path: "stack.env")
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let url = AdoptionStack.parseEnvFile(text)["PETSITE_URL"]
        else { throw StackNotRunning(missing: "PETSITE_URL in \(file.path)") }
        self.url = url
    }

    func reset() throws {
        let result = try run("/usr/bin/curl", ["-sf", "-X", "POST", "\(url)/__stub/reset"])
        guard result.status == 0 else { throw StackNotRunning(missing: "the pet-site stub at \(url)") }
    }

    /// Every request since the last reset, in arrival order, each marked when it followed a redirect.
    func records() throws -> [Record] {
        let result = try run("/usr/bin/curl", ["-sf", "\(url)/__stub/requests"])
        guard result.status == 0 else { throw StackNotRunning(missing: "the pet-site stub at \(url)") }
        var records = try JSONDecoder().decode([Record].self, from: Data(result.stdout.utf8))
        var lastStatus: [String: Int] = [:]
        for index in records.indices {
            let session = records[index].sessionID
            records[index].followedRedirect = records[index].method == "GET" && [302, 303].contains(lastStatus[session])
            lastStatus[session] = records[index].status
        }
        return records
    }
}

private func freePort() throws -> Int {
    let result = try run("/usr/bin/python3", ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
    guard let port = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
        throw CommandFailed(command: "python3 (free port)", result: result)
    }
    return port
}
