import Foundation
import LocalLambda
import Testing

/// Lambda's Invoke API as `aws lambda invoke --endpoint-url` and the SDKs use it, over real HTTP.
/// (scripts/test-invoke-api drives the same behaviours through boto3 and the AWS CLI.)
@Suite(.timeLimit(.minutes(2))) struct InvokeAPITests {
    private func withInvokeAPI(
        maximumEnvironments: Int = 10, _ body: (RawHTTPClient, CapturedLog) async throws -> Void
    ) async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(invokeAPIPort: 0, maximumEnvironments: maximumEnvironments, log: log)
        try await lambda.run { endpoints in
            try await body(RawHTTPClient(port: try #require(endpoints.invokeAPIPort)), log)
        }
    }

    private static func invocations(of function: String = "RuntimeProbe") -> String {
        "/2015-03-31/functions/\(function)/invocations"
    }

    @Test func successIs200WithTheResponse() async throws {
        try await withInvokeAPI { client, _ in
            let response = try await client.post(Self.invocations(), body: #"{"action":"echo","payload":[1,"two"]}"#)
            #expect(response.status == 200)
            #expect(response.text == #"[1,"two"]"#)
            #expect(response[header: "X-Amz-Executed-Version"] == "$LATEST")
            #expect(response[header: "X-Amz-Function-Error"] == nil)
            #expect(response[header: "X-Amzn-RequestId"] != nil)
            #expect(response[header: "X-Amz-Log-Result"] == nil, "only asked-for logs are returned")
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

    @Test func unknownFunctionIs404WithLambdasBody() async throws {
        try await withInvokeAPI { client, _ in
            let response = try await client.post(Self.invocations(of: "NoSuchFunction"), body: "{}")
            #expect(response.status == 404)
            #expect(response[header: "X-Amzn-ErrorType"] == "ResourceNotFoundException")
            #expect(response[header: "X-Amzn-RequestId"] != nil)
            let body = try #require(jsonObject(response.body) as? [String: String])
            #expect(body == [
                "Type": "User",
                "Message": "Function not found: arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction",
            ])
        }
    }

    @Test func payloadThatIsNotJSONIs400AndStartsNothing() async throws {
        try await withInvokeAPI { client, log in
            let response = try await client.post(Self.invocations(), body: #"{"action": nope}"#)
            #expect(response.status == 400)
            #expect(response[header: "X-Amzn-ErrorType"] == "InvalidRequestContentException")
            let body = try #require(jsonObject(response.body) as? [String: String])
            #expect(body["Type"] == "User")
            #expect(body["Message"]?.hasPrefix("Could not parse request body into json: ") == true)
            #expect(log.count(of: "START RequestId:") == 0, "the function never ran")

            // Any JSON value is a payload, not only an object.
            let string = try await client.post(Self.invocations(), body: #""just a string""#)
            #expect(string.status == 200)
            #expect(string[header: "X-Amz-Function-Error"] == "Unhandled", "the probe cannot decode a string")
        }
    }

    @Test func noPayloadReachesTheFunctionAsAnEmptyObject() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(executable: Executables.echo, name: "Echo", invokeAPIPort: 0, log: log)
        try await lambda.run { endpoints in
            let client = RawHTTPClient(port: try #require(endpoints.invokeAPIPort))
            let response = try await client.post(Self.invocations(of: "Echo"), body: "")
            #expect(response.status == 200)
            #expect(response.text == "{}")
        }
    }

    @Test func logTypeTailReturnsTheInvocationsLog() async throws {
        try await withInvokeAPI { client, _ in
            let response = try await client.post(
                Self.invocations(), headers: ["X-Amz-Log-Type": "Tail"],
                body: #"{"action":"log","message":"fed the cat"}"#)
            #expect(response.status == 200)
            let requestID = try #require(response[header: "X-Amzn-RequestId"])
            let encoded = try #require(response[header: "X-Amz-Log-Result"])
            let decoded = try #require(Data(base64Encoded: encoded))
            let tail = String(decoding: decoded, as: UTF8.self)
            #expect(tail.hasPrefix("START RequestId: \(requestID) Version: $LATEST\n"))
            #expect(tail.contains("fed the cat"))
            #expect(tail.contains("END RequestId: \(requestID)\nREPORT RequestId: \(requestID)\t"))
            #expect(tail.hasSuffix("\n"))
        }
    }

    @Test func logTailIsTheLast4KB() async throws {
        try await withInvokeAPI { client, _ in
            let long = String(repeating: "x", count: 10_000)
            let response = try await client.post(
                Self.invocations(), headers: ["X-Amz-Log-Type": "Tail"],
                body: #"{"action":"log","message":"\#(long)"}"#)
            let requestID = try #require(response[header: "X-Amzn-RequestId"])
            let encoded = try #require(response[header: "X-Amz-Log-Result"])
            let tail = try #require(Data(base64Encoded: encoded))
            #expect(tail.count == 4096)
            #expect(String(decoding: tail, as: UTF8.self).contains("REPORT RequestId: \(requestID)"))
        }
    }

    @Test func concurrentInvocationsRunInParallelEnvironments() async throws {
        try await withInvokeAPI { client, log in
            func invokeFiveAtOnce() async throws -> [String] {
                try await withThrowingTaskGroup(of: String.self) { group in
                    for index in 0..<5 {
                        group.addTask {
                            try await client.post(Self.invocations(), body: #"{"action":"sleep","ms":\#(1500 + index)}"#).text
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            let expected = Set((0..<5).map { #"{"slept":\#(1500 + $0)}"# })
            let first = try await invokeFiveAtOnce()
            #expect(Set(first) == expected)
            #expect(log.count(of: "Init Duration:") == 5, "five environments, each with its own init")
            let phases = log.text.split(separator: "\n").compactMap { line in
                line.hasPrefix("START RequestId:") ? "START" : line.hasPrefix("END RequestId:") ? "END" : nil
            }
            #expect(Array(phases.prefix(5)) == Array(repeating: "START", count: 5), "all five ran at once")

            let second = try await invokeFiveAtOnce()
            #expect(Set(second) == expected)
            #expect(log.count(of: "Init Duration:") == 5, "the second round reused the five warm environments")
        }
    }

    @Test func beyondTheEnvironmentLimitIs429() async throws {
        try await withInvokeAPI(maximumEnvironments: 2) { client, log in
            let responses = try await withThrowingTaskGroup(of: RawHTTPResponse.self) { group in
                for _ in 0..<3 {
                    group.addTask { try await client.post(Self.invocations(), body: #"{"action":"sleep","ms":2000}"#) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.map(\.status).sorted() == [200, 200, 429])
            let throttled = try #require(responses.first { $0.status == 429 })
            #expect(throttled[header: "X-Amzn-ErrorType"] == "TooManyRequestsException")
            let body = try #require(jsonObject(throttled.body) as? [String: String])
            #expect(body["Reason"] == "ReservedFunctionConcurrentInvocationLimitExceeded")
            #expect(body["Type"] == "User")
            #expect(log.count(of: "Init Duration:") == 2)
        }
    }

    @Test func crashedEnvironmentIsReplaced() async throws {
        try await withInvokeAPI(maximumEnvironments: 1) { client, log in
            let crash = try await client.post(Self.invocations(), body: #"{"action":"crash"}"#)
            #expect(crash[header: "X-Amz-Function-Error"] == "Unhandled")
            let error = try JSONDecoder().decode(ErrorBody.self, from: Data(crash.body))
            #expect(error.errorType == "Runtime.ExitError")
            let after = try await client.post(Self.invocations(), body: #"{"action":"echo","payload":"again"}"#)
            #expect(after.text == #""again""#)
            #expect(log.count(of: "Init Duration:") == 2, "a new runtime with its own init")
        }
    }

    @Test func eventIs202AndRunsLater() async throws {
        try await withInvokeAPI(maximumEnvironments: 1) { client, log in
            let responses = try await withThrowingTaskGroup(of: RawHTTPResponse.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await client.post(Self.invocations(), headers: ["X-Amz-Invocation-Type": "Event"],
                                              body: #"{"action":"sleep","ms":200}"#)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.map(\.status) == [202, 202], "events wait for the one environment, unthrottled")
            let ids = responses.compactMap { $0[header: "X-Amzn-RequestId"] }
            #expect(ids.count == 2)
            for _ in 0..<100 where ids.contains(where: { log.count(of: "REPORT RequestId: \($0)") == 0 }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            for id in ids { #expect(log.count(of: "REPORT RequestId: \(id)") == 1) }
        }
    }

    @Test func dryRunIs204AndStartsNothing() async throws {
        try await withInvokeAPI { client, log in
            let response = try await client.post(Self.invocations(), headers: ["X-Amz-Invocation-Type": "DryRun"],
                                                 body: "{}")
            #expect(response.status == 204)
            #expect(log.count(of: "START RequestId:") == 0)
        }
    }

    @Test func clientContextHeaderIsDecodedForTheRuntime() async throws {
        try await withInvokeAPI { client, _ in
            let context = #"{"custom":{"pet":"Rex"}}"#
            let response = try await client.post(
                Self.invocations(),
                headers: ["X-Amz-Client-Context": Data(context.utf8).base64EncodedString()],
                body: #"{"action":"context"}"#)
            let report = try #require(jsonObject(response.body) as? [String: Any])
            #expect(report["clientContext"] as? String == context)
        }
    }
}
