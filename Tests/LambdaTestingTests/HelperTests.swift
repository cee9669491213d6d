import Logging
import LambdaRuntime
import LambdaTesting
import Testing
import LambdaSystem

@Suite struct TestContextTests {
    @Test func theDeadlineIsTheTimeoutFromNow() {
        let before = SystemClock.epochMilliseconds()
        let context = LambdaContext.test(timeout: .seconds(10))
        let after = SystemClock.epochMilliseconds()
        #expect(context.deadlineMilliseconds >= before + 10_000)
        #expect(context.deadlineMilliseconds <= after + 10_000)
        #expect(context.remainingTime <= .seconds(10))
        #expect(context.remainingTime > .seconds(9))
    }

    @Test func defaultsLookLikeARealInvocation() {
        let first = LambdaContext.test()
        let second = LambdaContext.test()
        #expect(first.requestID != second.requestID)
        #expect(first.requestID.count == 36)
        #expect(first.invokedFunctionARN.hasPrefix("arn:aws:lambda:"))
        #expect(first.traceID?.hasPrefix("Root=1-") == true)
        #expect(first.remainingTime > .seconds(2))
        #expect(LambdaContext.test(timeout: .milliseconds(-1)).remainingTime == .zero)
    }

    @Test func theInitContextCarriesExactlyTheGivenEnvironment() throws {
        let context = LambdaInitContext.test(environment: ["TABLE_NAME": "pets", "EMPTY": ""])
        #expect(try context.environment.required("TABLE_NAME") == "pets")
        #expect(context.environment["EMPTY"] == nil)
        #expect(context.environment["PATH"] == nil)
    }
}

@Suite struct LogCaptureTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "boom" }
    }

    @Test func recordsLevelsMessagesMetadataAndErrors() {
        let logs = LogCapture()
        var logger = logs.logger()
        logger[metadataKey: "requestID"] = "r-1"
        logger.debug("looking up", metadata: ["petId": "p-7"])
        logger.error("lookup failed", error: Boom(), metadata: ["requestID": "r-override"])

        #expect(logs.records == [
            CapturedLogRecord(
                level: .debug, message: "looking up", metadata: ["requestID": "r-1", "petId": "p-7"],
                source: "LambdaTestingTests"),
            CapturedLogRecord(
                level: .error, message: "lookup failed", metadata: ["requestID": "r-override"], error: "boom",
                source: "LambdaTestingTests"),
        ])
        #expect(logs.contains("p-7"))
        #expect(logs.contains("boom"))
        #expect(!logs.contains("p-8"))
        #expect(logs.records[0].description == "[debug] looking up petId=p-7 requestID=r-1")
    }

    @Test func keepsOnlyLevelsAtOrAboveTheLoggersLevel() {
        let logs = LogCapture()
        let logger = logs.logger(level: .warning)
        logger.info("quiet")
        logger.warning("loud")
        #expect(logs.records.map(\.message) == ["loud"])
        logs.removeAll()
        #expect(logs.records.isEmpty)
    }
}

@Suite struct FixtureTests {
    @Test func findsThePackageRootFromTheCallingFile() throws {
        let root = try Fixtures.packageRoot()
        #expect(root.appending(path: "Tests/LambdaTestingTests/HelperTests.swift").path == #filePath)
    }

    @Test func aMissingFixtureIsAClearError() {
        #expect(throws: FixtureError.self) { try Fixtures.bytes("samples/no-such-event.json") }
        do {
            _ = try Fixtures.bytes("samples/no-such-event.json")
        } catch {
            #expect("\(error)".hasPrefix("cannot read fixture "))
            #expect("\(error)".contains("events/samples/no-such-event.json"))
        }
    }

    @Test func aFileOutsideAnyPackageHasNoRoot() {
        #expect(throws: FixtureError.noPackageRoot(from: "/tmp/nowhere/Test.swift")) {
            try Fixtures.packageRoot(from: "/tmp/nowhere/Test.swift")
        }
    }
}
