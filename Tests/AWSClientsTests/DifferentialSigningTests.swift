import Foundation
import HTTPClient
import LambdaTesting
import ServerFixtures
import Testing

@testable import AWSClients
import LambdaSystem

/// Our canonical requests and signatures equal botocore's for many generated requests: methods, paths with
/// Unicode, reserved characters and dot segments, repeated query keys, header values with runs of
/// whitespace, repeated headers, empty and binary bodies, S3 and other services.
@Suite struct DifferentialSigningTests {
    struct Case: Encodable {
        var method: String
        var url: String
        var headers: [[String]]
        // swiftlint:disable identifier_name
        var body_base64: String
        var service: String
        var region: String
        var access_key: String
        var secret_key: String
        var token: String?
        var s3: Bool
        // swiftlint:enable identifier_name
    }

    struct Reference: Decodable, Equatable {
        // swiftlint:disable identifier_name
        var canonical_request: String
        var string_to_sign: String
        var signature: String
        // swiftlint:enable identifier_name
    }

    @Test func matchesBotocore() throws {
        var random = SeededRandom(seed: 20_151_124)
        var cases: [Case] = []
        var ours: [Reference] = []
        for _ in 0..<300 {
            let (signer, request, date) = Self.generate(&random)
            var signed = request
            let details = signer.signWithDetails(&signed, date: date, payloadHash: nil)
            cases.append(Case(
                method: signed.method.rawValue, url: signed.url,
                headers: signed.headers.filter { $0.name != "Authorization" }.map { [$0.name, $0.value] },
                body_base64: Data(signed.body).base64EncodedString(), service: signer.service, region: signer.region,
                access_key: signer.credentials.accessKeyID, secret_key: signer.credentials.secretAccessKey,
                token: signer.credentials.sessionToken, s3: signer.service == "s3"))
            ours.append(Reference(canonical_request: details.canonicalRequest, string_to_sign: details.stringToSign,
                                  signature: details.signature))
        }
        let references = try Self.botocore(cases)
        try #require(references.count == cases.count)
        var mismatches = 0
        for (index, (mine, theirs)) in zip(ours, references).enumerated() where mine != theirs {
            mismatches += 1
            if mismatches <= 3 {
                Issue.record("case \(index) \(cases[index].method) \(cases[index].url)\nours:\n\(mine.canonical_request)\nbotocore:\n\(theirs.canonical_request)")
            }
        }
        #expect(mismatches == 0)
    }

    static func botocore(_ cases: [Case]) throws -> [Reference] {
        let python = FileManager.default.isExecutableFile(atPath: Paths.toolsPython) ? Paths.toolsPython : "/usr/bin/python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Paths.repositoryRoot + "/scripts/testing/sigv4-reference.py"]
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("sigv4-cases-\(UUID().uuidString).json")
        try JSONEncoder().encode(cases).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw ChildServer.StartFailure(description: "sigv4-reference.py failed (botocore installed? run "
                + "scripts/install/moto.sh): \(message)")
        }
        return try JSONDecoder().decode([Reference].self, from: data)
    }

    static let pathPieces = ["a", "photos", "ሴ", "日本語", "a b", "x+y", "k=v", "semi;colon", "pct%", "~tilde", "-_.",
                             "@at", "(paren)", "quote'", "comma,", "*", "!", "$", "ü", "😀"]
    static let queryPieces = ["a", "A", "b", "list-type", "prefix", "ሴ", "x y", "slash/", "eq=", "amp&", "plus+", "", "~"]

    static func generate(_ random: inout SeededRandom) -> (SigV4Signer, HTTPRequest, Timestamp) {
        let isS3 = random.next(4) == 0
        let service = isS3 ? "s3" : ["dynamodb", "bedrock", "execute-api", "sqs"][random.next(4)]
        let region = ["us-east-1", "eu-west-3", "ap-southeast-2"][random.next(3)]
        let credentials = AWSCredentials(
            accessKeyID: "AKID\(random.next(10_000))", secretAccessKey: "secret/\(random.next(1_000_000))+key",
            sessionToken: random.next(2) == 0 ? nil : "token\(random.next(1000))/=")
        let signer = SigV4Signer(credentials: credentials, region: region, service: service,
                                 options: isS3 ? .s3 : .standard)

        var segments: [String] = []
        for _ in 0..<random.next(5) {
            let roll = random.next(10)
            if !isS3 && roll == 0 {
                segments.append([".", "..", ""][random.next(3)])
            } else {
                segments.append(URIEncoding.encode(pathPieces[random.next(pathPieces.count)]))
            }
        }
        var path = "/" + segments.joined(separator: "/")
        if random.next(3) == 0 { path += "/" }

        var query: [String] = []
        for _ in 0..<random.next(5) {
            let name = URIEncoding.encode(queryPieces[random.next(queryPieces.count)])
            let value = URIEncoding.encode(queryPieces[random.next(queryPieces.count)])
            query.append(name.isEmpty ? "k=\(value)" : "\(name)=\(value)")
        }
        let host = random.next(2) == 0 ? "127.0.0.1:\(4000 + random.next(1000))" : "\(service).\(region).amazonaws.com"
        let scheme = host.hasPrefix("127") ? "http" : "https"
        let url = "\(scheme)://\(host)\(path)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))

        var headers = HTTPHeaders()
        let names = ["X-Custom", "x-custom", "Content-Type", "X-Amz-Target", "x-amz-meta-Owner", "Accept", "User-Agent"]
        for _ in 0..<random.next(6) {
            let value = ["plain", "  padded  ", "a   b\t\tc", "\"q   uoted\"", "", "v1,v2", "application/x-amz-json-1.0"]
            headers.add(names[random.next(names.count)], value[random.next(value.count)])
        }
        let methods: [HTTPMethod] = [.get, .post, .put, .delete, .head, .patch]
        let method = methods[random.next(methods.count)]
        let body: [UInt8] = switch random.next(3) {
        case 0: []
        case 1: Array("{\"TableName\":\"pets\",\"Key\":{\"id\":{\"S\":\"ሴ\"}}}".utf8)
        default: Array((0..<random.next(300)).map { _ in UInt8(random.next(256)) })
        }
        let date = Timestamp(secondsSince1970: Int64(1_400_000_000 + random.next(400_000_000)))
        return (signer, HTTPRequest(method: method, url: url, headers: headers, body: body), date)
    }
}

