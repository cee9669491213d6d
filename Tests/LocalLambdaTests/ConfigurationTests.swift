import Testing
@testable import LocalLambda

/// What a runtime is started with, and how the configuration files and names are read.
@Suite struct ConfigurationTests {
    @Test func envVarsFileMergesParametersUnderTheFunctionsOwnVariables() throws {
        let file = try EnvironmentVariablesFile(json: Array(#"""
            {"Parameters": {"TABLE": "shared", "RETRIES": 3, "DEBUG": true},
             "Echo": {"TABLE": "echo-table", "EMPTY": null},
             "PetsFunction": {"TABLE": "pets-table", "RATIO": 0.5}}
            """#.utf8))
        #expect(file.variables(for: "Echo") == ["TABLE": "echo-table", "RETRIES": "3", "DEBUG": "true"])
        #expect(file.variables(for: "Pets") == ["TABLE": "pets-table", "RETRIES": "3", "DEBUG": "true", "RATIO": "0.5"])
        #expect(file.variables(for: "Other") == ["TABLE": "shared", "RETRIES": "3", "DEBUG": "true"])
    }

    @Test func malformedEnvVarsFileIsAnError() {
        #expect(throws: (any Error).self) { try EnvironmentVariablesFile(json: Array(#"{"Echo": "not an object"}"#.utf8)) }
    }

    @Test func runtimeGetsLambdasVariablesTheCallersAWSSettingsAndItsOwn() {
        let function = FunctionConfiguration(
            name: "Pets", executable: "/work/build/Pets",
            variables: ["TABLE": "pets", "AWS_LAMBDA_FUNCTION_NAME": "spoofed", "AWS_ENDPOINT_URL": "http://127.0.0.1:5055"],
            timeoutSeconds: 7, memoryMB: 512, region: "eu-west-1", logFormat: "JSON")
        let caller = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
                      "AWS_ENDPOINT_URL": "http://caller", "AWS_ENDPOINT_URL_SQS": "http://127.0.0.1:5056",
                      "AWS_REGION": "us-west-2", "PATH": "/usr/bin", "HOME": "/root", "DATABASE_PASSWORD": "x"]
        let environment = RuntimeEnvironment.variables(
            for: function, runtimeAPI: "127.0.0.1:4000", caller: caller, epochSeconds: 1_795_300_000)

        #expect(environment["AWS_LAMBDA_RUNTIME_API"] == "127.0.0.1:4000")
        #expect(environment["AWS_LAMBDA_FUNCTION_NAME"] == "Pets", "Lambda's own variables cannot be overridden")
        #expect(environment["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST")
        #expect(environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "512")
        #expect(environment["AWS_LAMBDA_FUNCTION_TIMEOUT"] == "7")
        #expect(environment["AWS_LAMBDA_LOG_GROUP_NAME"] == "/aws/lambda/Pets")
        #expect(environment["AWS_LAMBDA_LOG_STREAM_NAME"]?.wholeMatch(of: /2026\/11\/21\/\[\$LATEST\][0-9a-f]{32}/) != nil)
        #expect(environment["AWS_LAMBDA_LOG_FORMAT"] == "JSON")
        #expect(environment["AWS_REGION"] == "eu-west-1" && environment["AWS_DEFAULT_REGION"] == "eu-west-1")
        #expect(environment["_HANDLER"] == "Pets")
        #expect(environment["LAMBDA_TASK_ROOT"] == "/work/build")
        #expect(environment["TZ"] == ":UTC")
        #expect(environment["TABLE"] == "pets")
        #expect(environment["AWS_ENDPOINT_URL"] == "http://127.0.0.1:5055", "the function's variables win over the caller's")
        #expect(environment["AWS_ENDPOINT_URL_SQS"] == "http://127.0.0.1:5056")
        #expect(environment["AWS_ACCESS_KEY_ID"] == "AKID" && environment["AWS_SESSION_TOKEN"] == "token")
        #expect(environment["PATH"] == "/usr/bin")
        #expect(environment["HOME"] == nil && environment["DATABASE_PASSWORD"] == nil, "nothing else leaks in")
    }

    @Test(arguments: [
        ("Echo", "Echo"),
        ("Echo:$LATEST", "Echo"),
        ("arn:aws:lambda:us-east-1:123456789012:function:Echo", "Echo"),
        ("arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3AEcho%3Aprod", "Echo"),
    ])
    func invokeAPIAcceptsNamesQualifiedNamesAndARNs(identifier: String, name: String) {
        #expect(functionName(fromIdentifier: identifier) == name)
    }

    @Test func processExitIsWordedLikeLambda() {
        #expect(ProcessExit.exited(code: 3).description == "exit status 3")
        #expect(ProcessExit.signalled(9).description == "signal: killed")
        #expect(ProcessExit.signalled(11).description == "signal: segmentation fault")
    }
}
