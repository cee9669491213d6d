#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPClient

/// PUTs the answer to the presigned S3 URL. The URL was signed without a content type, so the request
/// must carry an empty one (curl would otherwise add its own and S3 would reject the signature).
struct ResponseURLResponder: CustomResourceResponder {
    let http: HTTPClient

    func send(_ body: [UInt8], to responseURL: String) async throws {
        let request = HTTPRequest(
            method: .put, url: responseURL, headers: ["Content-Type": ""], body: body, timeout: .seconds(20))
        let response = try await http.request(request)
        guard (200..<300).contains(response.status) else {
            throw ResponseURLRejected(status: response.status, body: response.text)
        }
    }
}

struct ResponseURLRejected: Error, CustomStringConvertible {
    var status: Int
    var body: String
    var description: String { "the ResponseURL answered HTTP \(status): \(body.prefix(300))" }
}
