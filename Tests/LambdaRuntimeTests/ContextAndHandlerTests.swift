#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import Testing

@testable import LambdaRuntime
import LambdaSystem

private func context(deadline: Int64 = SystemClock.epochMilliseconds() + 60_000) -> LambdaContext {
    LambdaContext(requestID: "req-1", deadlineMilliseconds: deadline, invokedFunctionARN: "arn", logger: Logger(label: "test"))
}

private struct Pet: Codable, Sendable, Equatable {
    var name: String
    var age: Int
}

private struct Birthday: LambdaHandler {
    func handle(_ pet: Pet, context: LambdaContext) async throws -> Pet {
        if pet.age < 0 { throw PetNotFound() }
        return Pet(name: pet.name, age: pet.age + 1)
    }
}

/// Returns a value JSON cannot represent.
private struct NotANumber: LambdaHandler {
    func handle(_ pet: Pet, context: LambdaContext) async throws -> Double { .nan }
}

private struct Silent: LambdaHandler {
    func handle(_ pet: Pet, context: LambdaContext) async throws -> NoOutput { NoOutput() }
}

private struct Reverse: ByteHandler {
    func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse {
        if event.isEmpty { throw PetNotFound() }
        return LambdaResponse(body: event.reversed(), contentType: "application/octet-stream")
    }
}

private func responseText(_ result: RuntimeReply) -> String? {
    guard case .response(let response) = result else { return nil }
    return String(decoding: response.body, as: UTF8.self)
}

private func failure(_ result: RuntimeReply) -> ErrorReport? {
    guard case .failure(let report) = result else { return nil }
    return report
}

@Suite struct ContextAndHandlerTests {
    @Test func remainingTimeCountsDownToTheDeadline() {
        let remaining = context(deadline: SystemClock.epochMilliseconds() + 5_000).remainingTime
        #expect(remaining <= .seconds(5))
        #expect(remaining > .seconds(4))
    }

    @Test func remainingTimeIsZeroOnceTheDeadlinePassed() {
        #expect(context(deadline: SystemClock.epochMilliseconds() - 10).remainingTime == .zero)
    }

    @Test func typedHandlerDecodesAndEncodesJSON() async throws {
        let result = await JSONHandlerProcessor(handler: Birthday()).process(Array(#"{"name":"Rex","age":3}"#.utf8), context: context())
        let output = try #require(responseText(result))
        #expect(try JSONDecoder().decode(Pet.self, from: Data(output.utf8)) == Pet(name: "Rex", age: 4))
    }

    @Test(arguments: ["", "not json", #"{"name":"Rex"}"#, #"{"name":"Rex","age":"three"}"#])
    func anEventThatDoesNotDecodeIsAnUnmarshalError(_ event: String) async {
        let report = failure(await JSONHandlerProcessor(handler: Birthday()).process(Array(event.utf8), context: context()))
        #expect(report?.errorType == "Runtime.UnmarshalError")
        #expect(report?.errorMessage.hasPrefix("the event does not decode: ") == true)
    }

    @Test func aThrownErrorIsAFunctionError() async {
        let report = failure(await JSONHandlerProcessor(handler: Birthday()).process(Array(#"{"name":"Rex","age":-1}"#.utf8), context: context()))
        #expect(report == ErrorReport(errorType: "Function.PetNotFound", errorMessage: "no pet 42"))
    }

    @Test func anOutputThatDoesNotEncodeIsAMarshalError() async {
        let report = failure(await JSONHandlerProcessor(handler: NotANumber()).process(Array(#"{"name":"Rex","age":1}"#.utf8), context: context()))
        #expect(report?.errorType == "Runtime.MarshalError")
    }

    @Test func noOutputIsJSONNull() async {
        let result = await JSONHandlerProcessor(handler: Silent()).process(Array(#"{"name":"Rex","age":1}"#.utf8), context: context())
        #expect(responseText(result) == "null")
    }

    @Test func byteHandlerPassesBytesAndContentTypeThrough() async {
        let result = await ByteHandlerProcessor(handler: Reverse()).process([1, 2, 3], context: context())
        guard case .response(let response) = result else {
            Issue.record("expected a response, got \(result)")
            return
        }
        #expect(response == LambdaResponse(body: [3, 2, 1], contentType: "application/octet-stream"))
        let report = failure(await ByteHandlerProcessor(handler: Reverse()).process([], context: context()))
        #expect(report?.errorType == "Function.PetNotFound")
    }
}

@Suite(.serialized) struct TraceEnvironmentTests {
    private func current() -> String? {
        getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) }
    }

    @Test func followsEachInvocationAndIsRemovedWhenAbsent() {
        let trace = TraceEnvironment()
        trace.set("Root=1-a")
        #expect(current() == "Root=1-a")
        let long = "Root=1-" + String(repeating: "b", count: 300)
        trace.set(long)
        #expect(current() == long)
        trace.set("Root=1-c")
        #expect(current() == "Root=1-c")
        trace.set(nil)
        #expect(current() == nil)
        trace.set("Root=1-d")
        #expect(current() == "Root=1-d")
        setenv("_X_AMZN_TRACE_ID", "handler-set", 1)  // a handler may overwrite it; the next invocation wins
        trace.set("Root=1-e")
        #expect(current() == "Root=1-e")
        trace.set(nil)
    }
}

@Suite struct RetryPolicyTests {
    @Test func nextRetriesBackOffAndGiveUpWithinSeconds() {
        typealias Loop = RuntimeLoop<ByteHandlerProcessor<Reverse>>
        let delays = (1..<Loop.nextAttemptLimit).map { Loop.nextRetryDelay(attempt: $0) }
        #expect(delays.first == .milliseconds(10))
        #expect(zip(delays, delays.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(delays.allSatisfy { $0 <= .seconds(1) })
        let total = delays.reduce(Duration.zero, +)
        #expect(total > .seconds(2) && total < .seconds(5))
    }
}
