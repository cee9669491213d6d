import Foundation
import LocalLambda
import Testing

/// The emulator's own Runtime API rules, with the test playing the runtime over raw HTTP.
@Suite struct RuntimeAPIRulesTests {
    /// An emulator whose runtime is this test: it starts nothing and waits for polls.
    private func withRuntimeAPI(_ body: (LocalLambda, RawHTTPClient) async throws -> Void) async throws {
        let lambda = LocalLambda.probe(executable: nil, name: "Manual", log: CapturedLog())
        try await lambda.run { endpoints in
            let address = try #require(endpoints.runtimeAPIs["Manual"])
            try await body(lambda, RawHTTPClient(port: try #require(Int(address.split(separator: ":").last ?? ""))))
        }
    }

    private func invokeInBackground(_ lambda: LocalLambda, _ json: String) -> Task<InvocationResult, any Error> {
        Task { try await lambda.invoke("Manual", json: json) }
    }

    private static let next = "/2018-06-01/runtime/invocation/next"
    private static func post(_ requestID: String, _ kind: String) -> String {
        "/2018-06-01/runtime/invocation/\(requestID)/\(kind)"
    }

    @Test func nextCarriesTheEventAndItsContextHeaders() async throws {
        try await withRuntimeAPI { lambda, client in
            let invocation = invokeInBackground(lambda, #"{"k":"v"}"#)
            let next = try await client.get(Self.next)
            #expect(next.status == 200)
            #expect(next.text == #"{"k":"v"}"#)
            #expect(next[header: "Content-Type"] == "application/json")
            let id = try #require(next[header: "Lambda-Runtime-Aws-Request-Id"])
            let deadline = try #require(next[header: "Lambda-Runtime-Deadline-Ms"].flatMap { Int64($0) })
            #expect(deadline > Int64(Date().timeIntervalSince1970 * 1000))
            #expect(next[header: "Lambda-Runtime-Invoked-Function-Arn"]
                    == "arn:aws:lambda:us-east-1:123456789012:function:Manual")
            #expect(next[header: "Lambda-Runtime-Trace-Id"]?.hasPrefix("Root=1-") == true)
            #expect(next[header: "Lambda-Runtime-Client-Context"] == nil, "empty headers are left out")

            let accepted = try await client.post(Self.post(id, "response"), body: "done")
            #expect(accepted.status == 202)
            let result = try await invocation.value
            #expect(result.text == "done" && result.requestID == id)
        }
    }

    @Test func unknownIDIs400AndASecondResponseIs403() async throws {
        try await withRuntimeAPI { lambda, client in
            let invocation = invokeInBackground(lambda, "{}")
            let id = try #require(try await client.get(Self.next)[header: "Lambda-Runtime-Aws-Request-Id"])

            let unknown = try await client.post(Self.post("not-a-request", "response"), body: "x")
            #expect(unknown.status == 400)
            #expect(unknown.text.contains(#""errorType":"InvalidRequestID""#))

            #expect(try await client.post(Self.post(id, "response"), body: "1").status == 202)
            for kind in ["response", "error"] {
                let second = try await client.post(Self.post(id, kind), body: "2")
                #expect(second.status == 403)
                #expect(second.text.contains(#""errorType":"InvalidStateTransition""#))
            }
            #expect(try await invocation.value.text == "1", "the first response stands")

            // A stale id (an earlier invocation's) is unknown once a new one is in flight.
            let newer = invokeInBackground(lambda, "{}")
            let newID = try #require(try await client.get(Self.next)[header: "Lambda-Runtime-Aws-Request-Id"])
            #expect(try await client.post(Self.post(id, "response"), body: "3").status == 400)
            #expect(try await client.post(Self.post(newID, "response"), body: "4").status == 202)
            #expect(try await newer.value.text == "4")
        }
    }

    @Test func repeatedNextResendsTheInvocationInFlight() async throws {
        try await withRuntimeAPI { lambda, client in
            let invocation = invokeInBackground(lambda, #"{"once":true}"#)
            let first = try await client.get(Self.next)
            let again = try await client.get(Self.next)
            let id = first[header: "Lambda-Runtime-Aws-Request-Id"]
            #expect(id != nil && again[header: "Lambda-Runtime-Aws-Request-Id"] == id)
            #expect(again.text == #"{"once":true}"#)
            _ = try await client.post(Self.post(id!, "response"), body: "ok")
            #expect(try await invocation.value.text == "ok")
        }
    }

    @Test func responseAbove6MiBPlus100BytesIs413AndTheCallerGetsResponseSizeTooLarge() async throws {
        try await withRuntimeAPI { lambda, client in
            let limit = 6 * 1024 * 1024 + 100
            let tooLarge = invokeInBackground(lambda, "{}")
            let id = try #require(try await client.get(Self.next)[header: "Lambda-Runtime-Aws-Request-Id"])
            let refused = try await client.post(Self.post(id, "response"),
                                                body: [UInt8](repeating: UInt8(ascii: "x"), count: limit + 1))
            #expect(refused.status == 413)
            #expect(refused.text.contains(#""errorType":"RequestEntityTooLarge""#))
            let result = try await tooLarge.value
            #expect(result.functionError == "Function.ResponseSizeTooLarge")
            #expect(result.error?.errorMessage == "Response payload size (\(limit + 1) bytes) exceeded maximum allowed payload size (\(limit) bytes).")

            let atLimit = invokeInBackground(lambda, "{}")
            let nextID = try #require(try await client.get(Self.next)[header: "Lambda-Runtime-Aws-Request-Id"])
            let accepted = try await client.post(Self.post(nextID, "response"),
                                                 body: [UInt8](repeating: UInt8(ascii: "x"), count: limit))
            #expect(accepted.status == 202)
            #expect(try await atLimit.value.payload.count == limit)
        }
    }

    @Test(arguments: [
        ("Function.ProbeError", "Function.ProbeError"),
        ("Runtime.NoSuchHandler", "Runtime.NoSuchHandler"),
        ("Unhandled", "Runtime.Unknown"),
        ("unhandled", "Runtime.Unknown"),
        ("Function.lowercase", "Function.Unknown"),
        ("Function.With9Digit", "Function.Unknown"),
        (nil, "Runtime.Unknown"),
    ] as [(String?, String)])
    func errorTypesAreNormalisedLikeTheRIE(reported: String?, expected: String) async throws {
        try await withRuntimeAPI { lambda, client in
            let invocation = invokeInBackground(lambda, "{}")
            let id = try #require(try await client.get(Self.next)[header: "Lambda-Runtime-Aws-Request-Id"])
            let body = #"{"errorMessage":"boom","errorType":"\#(reported ?? "")","stackTrace":[]}"#
            let headers = reported.map { ["Lambda-Runtime-Function-Error-Type": $0] } ?? [:]
            let posted = try await client.post(Self.post(id, "error"), headers: headers, body: body)
            #expect(posted.status == 202)
            let result = try await invocation.value
            #expect(result.functionError == expected)
            #expect(result.text == body, "the runtime's error body reaches the caller unchanged")
        }
    }

    @Test func initErrorAfterInitIs403() async throws {
        try await withRuntimeAPI { lambda, client in
            let invocation = invokeInBackground(lambda, "{}")
            let id = try #require(try await client.get(Self.next)[header: "Lambda-Runtime-Aws-Request-Id"])
            _ = try await client.post(Self.post(id, "response"), body: "{}")
            _ = try await invocation.value
            let late = try await client.post("/2018-06-01/runtime/init/error", body: "{}")
            #expect(late.status == 403)
        }
    }
}
