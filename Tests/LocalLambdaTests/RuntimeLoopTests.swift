import Foundation
import LocalLambda
import Testing

/// The runtime loop's conformance suite: the RuntimeProbe (our runtime) started by the emulator, driven
/// through every rule of the Runtime API over real HTTP.
@Suite struct RuntimeLoopTests {
    @Test func echoReturnsTheEventBytesUnchanged() async throws {
        let log = CapturedLog()
        let event = #"{ "pet" : "Rex",  "tags":["é","\u00e9", 1.50e2], "nested": {"z":null,"a":true} }"#
        let lambda = LocalLambda.probe(executable: Executables.echo, name: "Echo", log: log)
        let result = try await lambda.run { _ in try await lambda.invoke("Echo", json: event) }
        #expect(result.succeeded)
        #expect(result.payload == Array(event.utf8))
        #expect(result.contentType == "application/json")
    }

    @Test func probeEchoesThePayload() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(log: log)
        let results = try await lambda.run { _ in
            [try await lambda.invoke(json: #"{"action":"echo","payload":{"n":[1,2,3],"s":"x"}}"#),
             try await lambda.invoke(json: #"{"action":"echo","payload":"second"}"#)]
        }
        #expect(jsonObject(results[0].payload) == jsonObject(Array(#"{"s":"x","n":[1,2,3]}"#.utf8)))
        #expect(results[1].text == #""second""#)
        #expect(log.count(of: "Init Duration:") == 1, "one runtime served both invocations")
        #expect(log.count(of: "START RequestId: \(results[1].requestID) Version: $LATEST") == 1)
        #expect(log.count(of: "END RequestId: \(results[1].requestID)") == 1)
        #expect(log.text.contains("REPORT RequestId: \(results[1].requestID)\tDuration: "))
        #expect(log.text.contains("Memory Size: 128 MB\tMax Memory Used: "))
    }

    @Test func contextHeadersReachTheHandler() async throws {
        struct ContextReport: Decodable {
            let requestId: String
            let deadlineMs: Int64
            let invokedFunctionArn: String
            let traceId: String?
            let clientContext: String?
            let cognitoIdentity: String?
            let tenantId: String?
            let remainingMs: Int64
            let xAmznTraceId: String?
            let functionName: String
            let memoryMB: Int
        }
        let log = CapturedLog()
        let lambda = LocalLambda.probe(timeoutSeconds: 30, memoryMB: 256, log: log)
        let clientContext = #"{"client":{"installation_id":"i-1"},"custom":{"k":"v"}}"#
        let identity = #"{"cognitoIdentityId":"us-east-1:abc","cognitoIdentityPoolId":"us-east-1:pool"}"#
        let before = Int64(Date().timeIntervalSince1970 * 1000)
        let result = try await lambda.run { _ in
            try await lambda.invoke(json: #"{"action":"context"}"#, clientContext: clientContext,
                                    cognitoIdentity: identity)
        }
        let after = Int64(Date().timeIntervalSince1970 * 1000)
        let context = try JSONDecoder().decode(ContextReport.self, from: Data(result.payload))
        #expect(context.requestId == result.requestID)
        #expect(context.deadlineMs >= before + 30_000 && context.deadlineMs <= after + 30_000,
                "the timeout runs from when the runtime took the invocation")
        #expect(context.remainingMs > 0 && context.remainingMs <= 30_000)
        #expect(context.invokedFunctionArn == "arn:aws:lambda:us-east-1:123456789012:function:RuntimeProbe")
        let traceID = try #require(context.traceId)
        #expect(traceID.wholeMatch(of: /Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0/) != nil)
        #expect(context.xAmznTraceId == traceID)
        #expect(context.clientContext == clientContext)
        #expect(context.cognitoIdentity == identity)
        #expect(context.tenantId == nil)
        #expect(context.functionName == "RuntimeProbe")
        #expect(context.memoryMB == 256)
    }

    @Test func thrownErrorIsReportedAndTheNextInvocationWorks() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(log: log)
        let (failed, next) = try await lambda.run { _ in
            (try await lambda.invoke(json: #"{"action":"throw","message":"no such pet"}"#),
             try await lambda.invoke(json: #"{"action":"echo","payload":1}"#))
        }
        #expect(failed.functionError == "Function.ProbeError")
        #expect(failed.error == ErrorBody(errorMessage: "no such pet", errorType: "Function.ProbeError"))
        #expect(next.text == "1")
        #expect(log.count(of: "Init Duration:") == 1, "an error does not restart the runtime")
    }

    @Test func malformedEventIsAnUnmarshalErrorAndTheNextInvocationWorks() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(log: log)
        let (failed, wrongShape, next) = try await lambda.run { _ in
            (try await lambda.invoke(json: #"{"action": "echo", "payload": "#),
             try await lambda.invoke(json: #"[1,2]"#),
             try await lambda.invoke(json: #"{"action":"echo","payload":"ok"}"#))
        }
        #expect(failed.functionError == "Runtime.UnmarshalError")
        #expect(failed.error?.errorType == "Runtime.UnmarshalError")
        #expect(wrongShape.functionError == "Runtime.UnmarshalError")
        #expect(next.text == #""ok""#)
        #expect(log.count(of: "Init Duration:") == 1)
    }

    @Test func oversizedResponseIsRefusedAndTheNextInvocationWorks() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(log: log)
        let (failed, next) = try await lambda.run { _ in
            (try await lambda.invoke(json: #"{"action":"oversize","bytes":7340032}"#),
             try await lambda.invoke(json: #"{"action":"echo","payload":"after"}"#))
        }
        #expect(failed.functionError == "Function.ResponseSizeTooLarge")
        #expect(failed.error?.errorMessage.contains("exceeded maximum allowed payload size") == true)
        #expect(next.text == #""after""#)
    }

    @Test func crashIsAnExitErrorAndTheNextInvocationReinitialises() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(log: log)
        let (crashed, next) = try await lambda.run { _ in
            (try await lambda.invoke(json: #"{"action":"crash"}"#),
             try await lambda.invoke(json: #"{"action":"echo","payload":"again"}"#))
        }
        #expect(crashed.functionError == "Runtime.ExitError")
        #expect(crashed.error?.errorMessage
                == "RequestId: \(crashed.requestID) Error: Runtime exited with error: exit status 3")
        #expect(next.text == #""again""#)
        #expect(log.count(of: "Init Duration:") == 2, "the second invocation started a new runtime")
        #expect(log.text.contains("Status: error\tError Type: Runtime.ExitError"))
    }

    @Test func timeoutKillsTheRuntimeAndTheNextInvocationReinitialises() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(timeoutSeconds: 1, log: log)
        let (timedOut, next) = try await lambda.run { _ in
            (try await lambda.invoke(json: #"{"action":"sleep","ms":60000}"#),
             try await lambda.invoke(json: #"{"action":"sleep","ms":1}"#))
        }
        #expect(timedOut.functionError == "Sandbox.Timedout")
        let message = try #require(timedOut.error?.errorMessage)
        #expect(message.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S+ Task timed out after 1\.00 seconds/) != nil)
        #expect(message.contains(timedOut.requestID))
        #expect(next.text == #"{"slept":1}"#)
        #expect(log.count(of: "Init Duration:") == 2, "the killed runtime was replaced")
        #expect(log.text.contains("Status: timeout"))
    }

    @Test(arguments: [
        (#"{"action":"sleep","ms":2500}"#, "/response"),
        (#"{"action":"throw","message":"late","ms":2500}"#, "/error"),
    ])
    func lateResultOfATimedOutInvocationGets410AndTheLoopGoesOn(event: String, endpoint: String) async throws {
        let log = CapturedLog()
        // Started here rather than by the emulator, the runtime is not killed on the timeout: its handler
        // runs on, as on Lambda (Managed Instances), and posts a late result echoing its invocation id.
        let lambda = LocalLambda.probe(executable: nil, timeoutSeconds: 1, log: log)
        let (timedOut, next) = try await lambda.run { endpoints in
            let address = try #require(endpoints.runtimeAPIs["RuntimeProbe"])
            let probe = try ChildProcess.spawn(
                executable: Executables.probe,
                environment: ["AWS_LAMBDA_RUNTIME_API": address, "AWS_LAMBDA_FUNCTION_NAME": "RuntimeProbe"],
                output: log) { _ in }
            defer { probe.kill() }
            return (try await lambda.invoke(json: event),
                    try await lambda.invoke(json: #"{"action":"echo","payload":"served"}"#))
        }
        #expect(timedOut.functionError == "Sandbox.Timedout")
        #expect(next.text == #""served""#, "the refused late result neither reached the next invoke nor stopped the loop")
        #expect(log.count(of: "\(endpoint) answered 410") == 1, "the runtime echoed the id and logged the refusal")
        #expect(log.count(of: " answered ") == 1, "no other post was refused")
    }

    @Test func initFailureReachesTheCallerAndTheRuntimeExits() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(variables: ["PROBE_INIT_FAIL": "TABLE_NAME is missing"], log: log)
        let (first, second) = try await lambda.run { _ in
            (try await lambda.invoke(json: #"{"action":"echo","payload":1}"#),
             try await lambda.invoke(json: #"{"action":"echo","payload":2}"#))
        }
        for result in [first, second] {
            #expect(result.functionError == "Function.ProbeInitError")
            #expect(result.error == ErrorBody(errorMessage: "TABLE_NAME is missing", errorType: "Function.ProbeInitError"))
        }
        #expect(log.count(of: "Error: Runtime exited with error: exit status 1") == 2,
                "each invocation re-ran init, and each runtime exited non-zero by itself")
    }

    @Test func functionLogsAreForwarded() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(log: log)
        let result = try await lambda.run { _ in
            try await lambda.invoke(json: #"{"action":"log","message":"adopted pet 42"}"#)
        }
        #expect(result.text == #"{"logged":true}"#)
        #expect(log.text.contains("adopted pet 42"))
    }

    @Test func jsonLogFormatReachesTheRuntimeAndShapesThePlatformLines() async throws {
        let log = CapturedLog()
        let lambda = LocalLambda.probe(logFormat: "JSON", log: log)
        let result = try await lambda.run { _ in
            try await lambda.invoke(json: #"{"action":"log","message":"adopted pet 42"}"#)
        }
        let lines = log.jsonLines
        #expect(lines.contains { $0["message"] as? String == "adopted pet 42" && $0["requestId"] as? String == result.requestID })
        #expect(lines.contains {
            $0["type"] as? String == "platform.start" && ($0["record"] as? [String: Any])?["requestId"] as? String == result.requestID
        })
        let report = try #require(lines.first { $0["type"] as? String == "platform.report" }?["record"] as? [String: Any])
        #expect(report["status"] as? String == "success")
        let metrics = try #require(report["metrics"] as? [String: Any])
        #expect(metrics["memorySizeMB"] as? Int == 128)
        #expect(metrics["initDurationMs"] is Double)
        #expect(!log.text.contains("START RequestId"))
    }
}
