import Foundation
import LocalLambda
import Testing

/// The emulator's own Runtime API rules, with the test playing the runtime over raw HTTP.
@Suite struct RuntimeAPIRulesTests {
    /// An emulator whose runtime is this test: it starts nothing and waits for polls.
    private func withRuntimeAPI(
        timeoutSeconds: Int = 20, _ body: (LocalLambda, RawHTTPClient) async throws -> Void
    ) async throws {
        let lambda = LocalLambda.probe(executable: nil, name: "Manual", timeoutSeconds: timeoutSeconds,
                                       log: CapturedLog())
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

    private static let invocationID = "Lambda-Runtime-Invocation-Id"

    @Test func nextCarriesAFreshInvocationIDPerInvoke() async throws {
        try await withRuntimeAPI { lambda, client in
            var seen: [String] = []
            for _ in 0..<2 {
                let invocation = invokeInBackground(lambda, "{}")
                let next = try await client.get(Self.next)
                let nonce = try #require(next[header: Self.invocationID])
                #expect(nonce != next[header: "Lambda-Runtime-Aws-Request-Id"], "a nonce, not the request id")
                #expect(try await client.get(Self.next)[header: Self.invocationID] == nonce,
                        "a repeated /next resends the invocation in flight with its id")
                let id = try #require(next[header: "Lambda-Runtime-Aws-Request-Id"])
                #expect(try await client.post(Self.post(id, "response"), headers: [Self.invocationID: nonce],
                                              body: "ok").status == 202)
                _ = try await invocation.value
                seen.append(nonce)
            }
            #expect(Set(seen).count == 2)
        }
    }

    @Test func aPostEchoingAnotherInvocationIDIs410AndTheInvocationStillWaits() async throws {
        try await withRuntimeAPI { lambda, client in
            let invocation = invokeInBackground(lambda, "{}")
            let next = try await client.get(Self.next)
            let id = try #require(next[header: "Lambda-Runtime-Aws-Request-Id"])
            let nonce = try #require(next[header: Self.invocationID])
            for kind in ["response", "error"] {
                let stale = try await client.post(Self.post(id, kind), headers: [Self.invocationID: "stale"], body: "x")
                #expect(stale.status == 410)
                #expect(stale.text.contains(#""errorType":"ErrorRuntimeInvokeTimeout""#))
            }
            #expect(try await client.post(Self.post(id, "response"), headers: [Self.invocationID: nonce],
                                          body: "right").status == 202)
            #expect(try await invocation.value.text == "right", "the refused posts delivered nothing")
            let second = try await client.post(Self.post(id, "response"), headers: [Self.invocationID: nonce], body: "2")
            #expect(second.status == 403, "a second answer is still the RIE's invalid state transition")
        }
    }

    @Test func aTimedOutInvocationsLateResultIs410WhenEchoedAnd400Without() async throws {
        try await withRuntimeAPI(timeoutSeconds: 1) { lambda, client in
            let timedOut = invokeInBackground(lambda, "{}")
            let first = try await client.get(Self.next)
            let lateID = try #require(first[header: "Lambda-Runtime-Aws-Request-Id"])
            let lateNonce = try #require(first[header: Self.invocationID])
            #expect(try await timedOut.value.functionError == "Sandbox.Timedout")

            let invocation = invokeInBackground(lambda, "{}")
            let next = try await client.get(Self.next)
            let late = try await client.post(Self.post(lateID, "response"), headers: [Self.invocationID: lateNonce],
                                             body: "late")
            #expect(late.status == 410)
            #expect(late.text.contains(#""errorType":"ErrorRuntimeInvokeTimeout""#))
            // A runtime that does not echo gets the RIE's answer for an id not in flight.
            #expect(try await client.post(Self.post(lateID, "response"), body: "late").status == 400)

            let id = try #require(next[header: "Lambda-Runtime-Aws-Request-Id"])
            let nonce = try #require(next[header: Self.invocationID])
            #expect(try await client.post(Self.post(id, "response"), headers: [Self.invocationID: nonce],
                                          body: "current").status == 202)
            #expect(try await invocation.value.text == "current")
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
