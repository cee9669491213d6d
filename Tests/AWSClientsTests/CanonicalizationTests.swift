import Foundation
import HTTPClient
import Testing

@testable import AWSClients
import LambdaSystem

@Suite struct CanonicalizationTests {
    @Test(arguments: [
        ("/", "/"), ("", "/"), ("/a/./b", "/a/b"), ("/a/b/../c", "/a/c"), ("/a/b/..", "/a"), ("/../..", "/"),
        ("//a//b//", "/a/b/"), ("/a/.", "/a"), ("/./", "/"),
    ])
    func dotSegmentsAndRepeatedSlashesAreRemoved(_ input: String, _ expected: String) {
        #expect(SigV4Signer.removingDotSegments(input) == expected)
    }

    @Test func encodingKeepsOnlyUnreservedCharacters() {
        #expect(URIEncoding.encode("aZ09-_.~") == "aZ09-_.~")
        #expect(URIEncoding.encode("a b+c/d:e=f&g%") == "a%20b%2Bc%2Fd%3Ae%3Df%26g%25")
        #expect(URIEncoding.encode("a/b c", keepingSlashes: true) == "a/b%20c")
        #expect(URIEncoding.encode("ሴ") == "%E1%88%B4")
        #expect(URIEncoding.decode("%E1%88%B4%2f%zz%") == "ሴ/%zz%")
    }

    @Test func standardPathsAreNormalizedAndEncodedTwice() {
        let signer = SigV4Signer(credentials: .init(accessKeyID: "a", secretAccessKey: "b"), region: "r", service: "s")
        #expect(signer.canonicalURI("/model/amazon.titan-image-generator-v2%3A0/invoke")
            == "/model/amazon.titan-image-generator-v2%253A0/invoke")
        #expect(signer.canonicalURI("/a/../b%20c") == "/b%2520c")
    }

    @Test func s3PathsAreEncodedOnceAndNotNormalized() {
        let signer = SigV4Signer(credentials: .init(accessKeyID: "a", secretAccessKey: "b"), region: "r", service: "s3",
                                 options: .s3)
        #expect(signer.canonicalURI("/bucket/a%20b/%E1%88%B4+x.txt") == "/bucket/a%20b/%E1%88%B4%2Bx.txt")
        #expect(signer.canonicalURI("/bucket/a/../b//c") == "/bucket/a/../b//c")
    }

    @Test func queryIsDecodedReencodedAndSortedByNameThenValue() {
        #expect(CanonicalQuery.canonicalize("b=2&a=z&a=y&c&d=&e=%2f+") == "a=y&a=z&b=2&c=&d=&e=%2F%2B")
        #expect(CanonicalQuery.canonicalize("Z=1&a=1") == "Z=1&a=1")  // byte order: upper case first
        #expect(CanonicalQuery.canonicalize(nil) == "")
    }

    @Test func headerValuesAreTrimmedAndInnerWhitespaceCollapsed() {
        let headers = CanonicalHeaders(
            HTTPHeaders([("X-B", "  one   two\t three "), ("x-a", "1"), ("X-A", " 2 "), ("User-Agent", "curl")]),
            excluding: SigV4Signer.unsignedHeaders)
        #expect(headers.canonical == "x-a:1,2\nx-b:one two three")
        #expect(headers.signedHeaders == "x-a;x-b")
    }

    @Test func urlPartsDropDefaultPortsAndKeepOthers() {
        #expect(URLParts("https://Example.com:443/a?b=c")?.host == "example.com")
        #expect(URLParts("http://127.0.0.1:5000")?.host == "127.0.0.1:5000")
        #expect(URLParts("http://127.0.0.1:5000")?.path == "/")
        #expect(URLParts("http://h/p?q=1#frag")?.query == "q=1")
    }

    @Test func signingAddsHostDateTokenAndAuthorization() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token")
        var request = HTTPRequest(method: .post, url: "http://127.0.0.1:4566/", body: Array("{}".utf8))
        SigV4Signer(credentials: credentials, region: "eu-west-1", service: "dynamodb")
            .sign(&request, date: Timestamp(secondsSince1970: 1_440_938_160))
        #expect(request.headers["Host"] == "127.0.0.1:4566")
        #expect(request.headers["X-Amz-Date"] == "20150830T123600Z")
        #expect(request.headers["X-Amz-Security-Token"] == "token")
        #expect(request.headers["x-amz-content-sha256"] == nil)
        let authorization = request.headers["Authorization"] ?? ""
        #expect(authorization.hasPrefix(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/eu-west-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature="))
    }

    @Test func s3SigningSendsThePayloadHash() {
        var request = HTTPRequest(method: .put, url: "http://h/b/k", body: [])
        SigV4Signer(credentials: .init(accessKeyID: "a", secretAccessKey: "b"), region: "r", service: "s3",
                    options: .s3).sign(&request)
        #expect(request.headers["x-amz-content-sha256"]
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(request.headers["Authorization"]?.contains("x-amz-content-sha256;x-amz-date") == true)
    }
}

@Suite struct TimeFormatTests {
    @Test(arguments: [
        (0, "19700101T000000Z"), (951_782_400, "20000229T000000Z"), (1_440_938_160, "20150830T123600Z"),
        (4_102_444_799, "20991231T235959Z"),
    ] as [(Int, String)])
    func amzDateIsUTC(_ seconds: Int, _ expected: String) {
        #expect(AmzDate(Timestamp(secondsSince1970: Int64(seconds))).full == expected)
        #expect(AmzDate(Timestamp(secondsSince1970: Int64(seconds))).day == String(expected.prefix(8)))
    }

    @Test func iso8601TimestampsParse() {
        #expect(Timestamp(iso8601: "2015-08-30T12:36:00Z") == Timestamp(secondsSince1970: 1_440_938_160))
        #expect(Timestamp(iso8601: "2000-02-29T00:00:00.123Z") == Timestamp(millisecondsSince1970: 951_782_400_123))
        #expect(Timestamp(iso8601: "yesterday") == nil)
    }
}
