import Testing

@testable import LambdaRuntime

@Suite struct InvocationHeadersTests {
    /// Feeds lines the way curl's header callback does: one raw line at a time, CRLF included.
    private func parse(_ lines: [String]) -> InvocationHeaders {
        var headers = InvocationHeaders()
        for line in lines { headers.add(line: line + "\r\n") }
        return headers
    }

    @Test func readsEveryLambdaHeader() {
        let headers = parse([
            "HTTP/1.1 200 OK",
            "Content-Type: application/json",
            "Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            "Lambda-Runtime-Deadline-Ms: 1542409706888",
            "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-2:123456789012:function:custom-runtime",
            "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
            #"Lambda-Runtime-Client-Context: {"client":{"app_title":"pets"}}"#,
            #"Lambda-Runtime-Cognito-Identity: {"cognito_identity_id":"us-east-1:123"}"#,
            "Lambda-Runtime-Aws-Tenant-Id: tenant-7",
            "Lambda-Runtime-Invocation-Id: 5f0c1e2a-invoke-nonce",
            "Content-Length: 204",
            "",
        ])
        #expect(headers.requestID == "8476a536-e9f4-11e8-9739-2dfe598c3fcd")
        #expect(headers.deadlineMilliseconds == 1_542_409_706_888)
        #expect(headers.invokedFunctionARN == "arn:aws:lambda:us-east-2:123456789012:function:custom-runtime")
        #expect(headers.traceID == "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1")
        #expect(headers.clientContext == #"{"client":{"app_title":"pets"}}"#)
        #expect(headers.cognitoIdentity == #"{"cognito_identity_id":"us-east-1:123"}"#)
        #expect(headers.tenantID == "tenant-7")
        #expect(headers.invocationID == "5f0c1e2a-invoke-nonce")
        #expect(headers.contentLength == 204)
    }

    @Test func namesAreCaseInsensitiveAndValuesTrimmed() {
        // cargo-lambda (hyper) sends lower-case names; anything may pad values with spaces or tabs.
        let headers = parse([
            "lambda-runtime-aws-request-id:   abc  ",
            "LAMBDA-RUNTIME-DEADLINE-MS:\t600000",
            "lambda-runtime-invoked-function-arn: function-arn",
        ])
        #expect(headers.requestID == "abc")
        #expect(headers.deadlineMilliseconds == 600_000)
        #expect(headers.invokedFunctionARN == "function-arn")
    }

    @Test func absentOrEmptyHeadersStayNil() {
        let headers = parse(["Lambda-Runtime-Aws-Request-Id: abc", "Lambda-Runtime-Trace-Id:", "Lambda-Runtime-Client-Context:   "])
        #expect(headers.requestID == "abc")
        #expect(headers.traceID == nil)
        #expect(headers.clientContext == nil)
        #expect(headers.cognitoIdentity == nil)
        #expect(headers.tenantID == nil)
        #expect(headers.invocationID == nil, "an older Runtime API sends none: nothing is echoed")
        #expect(headers.deadlineMilliseconds == nil)
    }

    @Test func lookalikeNamesAreNotTaken() {
        let headers = parse([
            "X-Lambda-Runtime-Aws-Request-Id: wrong",
            "Lambda-Runtime-Aws-Request-Id-Extra: wrong",
            "Lambda\rRuntime-Aws-Request-Id: wrong",
        ])
        #expect(headers.requestID == nil)
    }

    @Test func malformedNumbersAreIgnored() {
        #expect(parse(["Lambda-Runtime-Deadline-Ms: 12x4"]).deadlineMilliseconds == nil)
        #expect(parse(["Lambda-Runtime-Deadline-Ms: -5"]).deadlineMilliseconds == nil)
        #expect(parse(["Content-Length: 99999999999999999999999"]).contentLength == nil)
    }

    @Test func aNewStatusLineStartsOver() {
        // After `100 Continue` (or any interim answer) only the final block counts.
        let headers = parse(["HTTP/1.1 100 Continue", "Lambda-Runtime-Aws-Request-Id: stale", "", "HTTP/1.1 200 OK"])
        #expect(headers.requestID == nil)
    }
}
