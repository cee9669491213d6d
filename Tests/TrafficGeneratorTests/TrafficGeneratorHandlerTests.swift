import Foundation
import LambdaEvents
import LambdaRuntime
import LambdaTesting
import Testing
@testable import TrafficGenerator

@Suite struct TrafficGeneratorHandlerTests {
    let parameterName = "/petstore/petsite-url"

    func handler(users: String? = nil, siteURL: String = "http://petsite.local:8080/",
                 browser: RecordingBrowser = RecordingBrowser()) throws -> (TrafficGeneratorHandler, FixedParameters) {
        var variables = ["PETSITE_URL_PARAMETER_NAME": parameterName]
        variables["CONCURRENT_USERS"] = users
        let parameters = FixedParameters(values: [parameterName: siteURL])
        let settings = try TrafficSettings(environment: LambdaEnvironment(variables))
        return (TrafficGeneratorHandler(settings: settings, parameters: parameters, browser: browser), parameters)
    }

    @Test func aScheduledEventSendsTheConfiguredNumberOfVisitors() async throws {
        let browser = RecordingBrowser()
        let (handler, _) = try handler(users: "12", browser: browser)
        let report = try await handler.invoke(fixture: "TrafficGenerator/scheduled-event.json", context: .test(timeout: .seconds(60)))

        #expect(report.siteURL == "http://petsite.local:8080")
        #expect(report.concurrentUsers == 12 && report.journeysStarted == 12 && report.journeysCompleted == 12)
        #expect(report.journeysSkipped == 0 && report.requests == 12 * 13 && report.failures == 0)
        #expect(report.statusCounts["/Adoption"] == ["200": 12])
        #expect(browser.visits == 12)
    }

    @Test func fiftyVisitorsByDefault() async throws {
        let (handler, _) = try handler()
        let report = try await handler.invoke(fixture: "TrafficGenerator/scheduled-event.json", context: .test(timeout: .seconds(60)))
        #expect(report.journeysCompleted == TrafficSettings.defaultUsers)
    }

    @Test func customInputChoosesTheNumberOfVisitors() async throws {
        let (handler, _) = try handler(users: "40")
        let report = try await handler.invoke(fixture: "TrafficGenerator/custom-input.json", context: .test(timeout: .seconds(60)))
        #expect(report.concurrentUsers == 5 && report.journeysCompleted == 5)
    }

    @Test func aBadVisitorCountInTheEventIsRejectedBeforeAnyTraffic() async throws {
        let browser = RecordingBrowser()
        let (handler, parameters) = try handler(browser: browser)
        await #expect {
            try await handler.invoke(fixture: "TrafficGenerator/invalid-concurrent-users.json", context: .test(timeout: .seconds(60)))
        } throws: { error in
            "\(error)" == #"event detail.concurrentUsers must be a whole number from 1 to 10000, got "lots""#
        }
        #expect(browser.visits == 0 && parameters.reads == 0)
    }

    @Test func aPayloadOutsideTheEventBridgeEnvelopeDoesNotDecode() async throws {
        let browser = RecordingBrowser()
        let (handler, _) = try handler(browser: browser)
        let failure = await #expect(throws: InvocationFailure.self) {
            try await handler.invoke(fixture: "TrafficGenerator/not-an-eventbridge-event.json")
        }
        #expect(failure?.errorType == "Runtime.UnmarshalError")
        #expect(browser.visits == 0)
    }

    @Test func theCardNumberNeverReachesTheLogs() async throws {
        let logs = LogCapture()
        let (handler, _) = try handler(users: "3")
        _ = try await handler.invoke(fixture: "TrafficGenerator/scheduled-event.json",
                                     context: .test(timeout: .seconds(60), logger: logs.logger()))
        #expect(logs.contains("traffic sent"))
        #expect(!logs.contains(JourneyPlanner.testCardNumber))
    }

    @Test func theSiteURLIsReadOnceAndKept() async throws {
        let (handler, parameters) = try handler(users: "1")
        _ = try await handler.invoke(fixture: "TrafficGenerator/scheduled-event.json", context: .test(timeout: .seconds(60)))
        _ = try await handler.invoke(fixture: "TrafficGenerator/scheduled-event.json", context: .test(timeout: .seconds(60)))
        #expect(parameters.reads == 1)
    }

    @Test func aParameterThatIsNotAURLIsAClearError() async throws {
        let (handler, _) = try handler(siteURL: "petsite.local")
        await #expect {
            try await handler.invoke(fixture: "TrafficGenerator/scheduled-event.json", context: .test(timeout: .seconds(60)))
        } throws: { error in
            "\(error)" == #"parameter /petstore/petsite-url must hold the pet site's http(s) URL, got "petsite.local""#
        }
    }

    @Test func aShortDeadlineStillReturnsAReport() async throws {
        // Each request takes at least 50 ms, so a journey at least 0.65 s. A 1 s invocation keeps 0.5 s back,
        // leaving 0.5 s to send: the first 200 journeys start at once, none can finish before the budget is
        // spent, so each is cut short and none of the other 800 ever starts, however slow the machine.
        let browser = RecordingBrowser(delay: .milliseconds(50))
        let (handler, _) = try handler(users: "1000", browser: browser)
        let report = try await handler.invoke(fixture: "TrafficGenerator/scheduled-event.json", context: .test(timeout: .seconds(1)))

        #expect(report.journeysStarted == TrafficSettings.maximumInFlight)
        #expect(report.journeysCutShort == report.journeysStarted && report.journeysCompleted == 0)
        #expect(report.journeysSkipped == 1000 - report.journeysStarted)
    }

    @Test func configurationErrorsNameTheVariable() {
        #expect { try TrafficSettings(environment: LambdaEnvironment([:])) } throws: {
            "\($0)" == "missing required environment variable PETSITE_URL_PARAMETER_NAME"
        }
        #expect { try TrafficSettings(environment: LambdaEnvironment(["PETSITE_URL_PARAMETER_NAME": "/p", "CONCURRENT_USERS": "0"])) } throws: {
            "\($0)" == "CONCURRENT_USERS must be a whole number from 1 to 10000, got 0"
        }
    }
}
