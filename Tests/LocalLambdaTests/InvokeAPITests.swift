import Foundation
import LocalLambda
import Testing

/// Lambda's Invoke API as `aws lambda invoke --endpoint-url` and the SDKs use it, over real HTTP.
@Suite struct InvokeAPITests {
    private func withInvokeAPI(_ body: (RawHTTPClient, CapturedLog) async throws -> Void) async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(invokeAPIPort: 0, log: log)
        try await lambda.run { endpoints in
            try await body(RawHTTPClient(port: try #require(endpoints.invokeAPIPort)), log)
        }
    }

    private static func invocations(of function: String) -> String {
        "/2015-03-31/functions/\(function)/invocations"
    }

    @Test func successIs200WithTheResponse() async throws {
        try await withInvokeAPI { client, _ in
            let response = try await client.post(Self.invocations(of: "RuntimeProbe"),
                                                 body: #"{"action":"echo","payload":[1,"two"]}"#)
            #expect(response.status == 200)
            #expect(response.text == #"[1,"two"]"#)
            #expect(response[header: "X-Amz-Executed-Version"] == "$LATEST")
            #expect(response[header: "X-Amz-Function-Error"] == nil)
            #expect(response[header: "X-Amzn-RequestId"] != nil)
        }
    }

    @Test func functionErrorIs200WithXAmzFunctionError() async throws {
        try await withInvokeAPI { client, _ in
            let arn = "arn:aws:lambda:us-east-1:123456789012:function:RuntimeProbe"
            let response = try await client.post(Self.invocations(of: arn), body: #"{"action":"throw","message":"boom"}"#)
            #expect(response.status == 200)
            #expect(response[header: "X-Amz-Function-Error"] == "Unhandled")
            let error = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
            #expect(error == ErrorBody(errorMessage: "boom", errorType: "Function.ProbeError"))
        }
    }

    @Test func unknownFunctionIs404() async throws {
        try await withInvokeAPI { client, _ in
            let response = try await client.post(Self.invocations(of: "NoSuchFunction"), body: "{}")
            #expect(response.status == 404)
            #expect(response[header: "X-Amzn-ErrorType"] == "ResourceNotFoundException")
        }
    }

    @Test func clientContextHeaderIsDecodedForTheRuntime() async throws {
        try await withInvokeAPI { client, _ in
            let context = #"{"custom":{"pet":"Rex"}}"#
            let response = try await client.post(
                Self.invocations(of: "RuntimeProbe"),
                headers: ["X-Amz-Client-Context": Data(context.utf8).base64EncodedString()],
                body: #"{"action":"context"}"#)
            let report = try #require(jsonObject(response.body) as? [String: Any])
            #expect(report["clientContext"] as? String == context)
        }
    }

    @Test func concurrentInvocationsQueueForOneRuntime() async throws {
        try await withInvokeAPI { client, log in
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<5 {
                    group.addTask {
                        try await client.post(Self.invocations(of: "RuntimeProbe"),
                                              body: #"{"action":"sleep","ms":\#(50 + index)}"#).text
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(bodies) == Set((0..<5).map { #"{"slept":\#(50 + $0)}"# }))
            #expect(log.count(of: "Init Duration:") == 1, "one runtime served them all, one after another")
            let phases = log.text.split(separator: "\n").compactMap { line in
                line.hasPrefix("START RequestId:") ? "START" : line.hasPrefix("END RequestId:") ? "END" : nil
            }
            #expect(phases == Array(repeating: ["START", "END"], count: 5).flatMap { $0 }, "never two at once")
        }
    }
}
