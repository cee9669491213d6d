import Foundation
import HTTPClient
import ServerFixtures
import Testing

@testable import AWSClients
import LambdaSystem

/// Every case of AWS's SigV4 test suite (`<shared>/data/aws-signing-test-suite/v4`), read in place:
/// canonical request, string to sign, signature and signed request, for header and query signing.
@Suite struct SigningSuiteTests {
    static let suiteDirectory = Paths.sharedDirectory + "/data/aws-signing-test-suite/v4"
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suiteDirectory)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(suiteDirectory)/\($0)/context.json") }.sorted()
    }()

    @Test func suiteIsPresent() {
        #expect(Self.cases.count >= 38, "expected the AWS SigV4 suite at \(Self.suiteDirectory)")
    }

    @Test(arguments: cases) func headerSigning(_ name: String) throws {
        let testCase = try SuiteCase(directory: "\(Self.suiteDirectory)/\(name)")
        var request = testCase.request
        let details = testCase.signer.signWithDetails(&request, date: testCase.date, payloadHash: nil)
        #expect(details.canonicalRequest == testCase.expected("header-canonical-request.txt"))
        #expect(details.stringToSign == testCase.expected("header-string-to-sign.txt"))
        #expect(details.signature == testCase.expected("header-signature.txt"))
        #expect(testCase.serialize(request) == testCase.expected("header-signed-request.txt"))
    }

    @Test(arguments: cases) func querySigning(_ name: String) throws {
        let testCase = try SuiteCase(directory: "\(Self.suiteDirectory)/\(name)")
        let details = testCase.signer.presignWithDetails(
            testCase.request, expires: testCase.context.expiration_in_seconds, date: testCase.date, payloadHash: nil)
        #expect(details.canonicalRequest == testCase.expected("query-canonical-request.txt"))
        #expect(details.stringToSign == testCase.expected("query-string-to-sign.txt"))
        #expect(details.signature == testCase.expected("query-signature.txt"))
        #expect(testCase.serialize(details.request) == testCase.expected("query-signed-request.txt"))
    }
}

/// One folder of the suite: `context.json`, `request.txt` and the expected outputs.
struct SuiteCase {
    // swiftlint:disable identifier_name
    struct Context: Decodable {
        struct Credentials: Decodable {
            var access_key_id: String
            var secret_access_key: String
            var token: String?
        }
        var credentials: Credentials
        var expiration_in_seconds: Int
        var normalize: Bool
        var region: String
        var service: String
        var sign_body: Bool
        var timestamp: String
        var omit_session_token: Bool?
    }
    // swiftlint:enable identifier_name

    let directory: String
    let context: Context
    let request: HTTPRequest
    let host: String

    init(directory: String) throws {
        self.directory = directory
        context = try JSONDecoder().decode(Context.self, from: Data(contentsOf: URL(fileURLWithPath: "\(directory)/context.json")))
        (request, host) = try Self.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(directory)/request.txt")), as: UTF8.self))
    }

    var date: Timestamp { Timestamp(iso8601: context.timestamp)! }

    var signer: SigV4Signer {
        var options = SigV4Signer.Options()
        options.normalizesPath = context.normalize
        options.addsContentSHA256Header = context.sign_body
        options.omitsSessionTokenFromSignature = context.omit_session_token ?? false
        let credentials = AWSCredentials(accessKeyID: context.credentials.access_key_id,
                                         secretAccessKey: context.credentials.secret_access_key,
                                         sessionToken: context.credentials.token)
        return SigV4Signer(credentials: credentials, region: context.region, service: context.service, options: options)
    }

    func expected(_ file: String) -> String {
        (try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)) ?? "<missing \(file)>"
    }

    /// The request in the suite's text form; header values are kept exactly as written.
    func serialize(_ request: HTTPRequest) -> String {
        let pathAndQuery = String(request.url.dropFirst("https://\(host)".count))
        let lines = ["\(request.method.rawValue) \(pathAndQuery) HTTP/1.1"] + request.headers.map { "\($0.name):\($0.value)" }
        return lines.joined(separator: "\n") + "\n\n" + String(decoding: request.body, as: UTF8.self)
    }

    /// `METHOD PATH HTTP/1.1`, then `Name:value` lines (a line starting with whitespace continues the value),
    /// a blank line and the body. The path may contain spaces.
    static func parse(_ text: String) throws -> (HTTPRequest, host: String) {
        let (head, body) = text.firstRange(of: "\n\n").map { (text[..<$0.lowerBound], text[$0.upperBound...]) }
            ?? (text[...], "")
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst()
        let method = requestLine.prefix { $0 != " " }
        let path = requestLine.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count)
        var fields: [(String, String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t" {
                fields[fields.count - 1].1 += "\n" + line
            } else {
                let colon = line.firstIndex(of: ":")!
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        let host = fields.first { $0.0.lowercased() == "host" }!.1
        let request = HTTPRequest(method: HTTPMethod(rawValue: String(method)), url: "https://\(host)\(path)",
                                  headers: HTTPHeaders(fields), body: Array(body.utf8))
        return (request, host)
    }
}
