#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LambdaRuntime
import Logging
import LambdaSystem

extension LambdaContext {
    /// A context like the Runtime API's for one invocation, for calling a handler directly.
    ///
    ///     let logs = LogCapture()
    ///     let output = try await handler.invoke(event, context: .test(timeout: .seconds(10), logger: logs.logger()))
    ///
    /// The deadline is `timeout` from now, so `remainingTime` counts down as it would on Lambda.
    public static func test(
        requestID: String = UUID().uuidString.lowercased(),
        timeout: Duration = .seconds(3),
        invokedFunctionARN: String = "arn:aws:lambda:us-east-1:123456789012:function:test-function",
        traceID: String? = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        clientContext: String? = nil,
        cognitoIdentity: String? = nil,
        tenantID: String? = nil,
        logger: Logger = Logger(label: "lambda-test")
    ) -> LambdaContext {
        return LambdaContext(
            requestID: requestID,
            deadlineMilliseconds: SystemClock.epochMilliseconds() + timeout.wholeMilliseconds,
            invokedFunctionARN: invokedFunctionARN,
            traceID: traceID,
            clientContext: clientContext,
            cognitoIdentity: cognitoIdentity,
            tenantID: tenantID,
            logger: logger)
    }
}

extension LambdaInitContext {
    /// An init context with exactly the given environment variables, for building a handler in a test:
    ///
    ///     let handler = try AdoptionHandler(context: .test(environment: ["TABLE_NAME": "pets"]))
    public static func test(
        environment: [String: String] = [:], logger: Logger = Logger(label: "lambda-test")
    ) -> LambdaInitContext {
        LambdaInitContext(environment: LambdaEnvironment(environment), logger: logger)
    }
}
