import LambdaEvents
import LambdaRuntime
import LambdaTesting
import Testing

@Suite struct InvokeTests {
    func feeEvent(_ bodies: [String]) -> SQSEvent {
        SQSEvent(records: bodies.enumerated().map { SQSMessage(messageId: "m-\($0.offset)", body: $0.element) })
    }

    @Test func aBatchHandlerReportsOnlyTheRecordsItCouldNotProcess() async throws {
        let event = feeEvent([
            #"{"adoptionId":"a-1","cardNumber":"4111111111111111","amount":85}"#,
            #"{"adoptionId":"a-2","cardNumber":"5500005555555559","amount":900}"#,
            "not json",
        ])
        let response = try await FeePaymentHandler().invoke(event)
        #expect(response == SQSBatchResponse(failedMessageIds: ["m-1", "m-2"]))
    }

    @Test func theHandlerLogsFailuresButNeverACardNumber() async throws {
        let logs = LogCapture()
        let event = feeEvent([
            #"{"adoptionId":"a-1","cardNumber":"4111111111111111","amount":85}"#,
            #"{"adoptionId":"a-2","cardNumber":"5500005555555559","amount":900}"#,
        ])
        _ = try await FeePaymentHandler().invoke(event, context: .test(logger: logs.logger()))

        #expect(!logs.contains("4111111111111111"))
        #expect(!logs.contains("5500005555555559"))
        #expect(logs.records.filter { $0.level == .info }.map(\.metadata["card"]) == ["…1111", "…5559"])
        let failure = try #require(logs.records.first { $0.level == .error })
        #expect(failure.message == "record failed")
        #expect(failure.metadata["messageId"] == "m-1")
        #expect(failure.error == "payment for a-2 declined")
    }

    @Test func invokesWithAFixtureFile() async throws {
        struct Echo: LambdaHandler {
            func handle(_ event: SQSEvent, context: LambdaContext) async throws -> [String] {
                event.records.map(\.messageId)
            }
        }
        let ids = try await Echo().invoke(fixture: "samples/sqs-fifo-batch.json")
        #expect(ids == [
            "11d6ee51-4cc7-4302-9e22-7cd8afdaadf5", "a8e1b7c2-1f3e-4b8e-9d1a-2b6f0c9e7d41",
            "f0c3d9a4-6b2e-4f1a-8c7d-3e5b9a1c2d60",
        ])
        #expect(try LambdaPayload.encode(ids) == Array(
            #"["11d6ee51-4cc7-4302-9e22-7cd8afdaadf5","a8e1b7c2-1f3e-4b8e-9d1a-2b6f0c9e7d41","f0c3d9a4-6b2e-4f1a-8c7d-3e5b9a1c2d60"]"#
                .utf8))
    }

    @Test func anAPIHandlerBuiltFromAnInitContext() async throws {
        let initLogs = LogCapture()
        let handler = try PetLookupHandler(
            context: .test(environment: ["SHELTER_NAME": "north"], logger: initLogs.logger()))
        #expect(initLogs.records.map(\.metadata) == [["shelter": "north"]])

        var request = try Fixtures.decode(APIGatewayV2Request.self, "samples/apigateway-http-api-proxy.json")
        request.pathParameters = ["id": "p-7"]
        let found = try await handler.invoke(request)
        #expect(found.statusCode == 200)
        #expect(found.headers?["Content-Type"] == "application/json")
        #expect(try LambdaPayload.decode(PetLookupHandler.Pet.self, from: Array(found.body!.utf8))
            == PetLookupHandler.Pet(id: "p-7", name: "Rex"))

        let missing = try await handler.invoke(fixture: "samples/apigateway-http-api-proxy.json")
        #expect(missing.statusCode == 404)
        #expect(missing.body == "no such pet")
    }

    @Test func aHandlerNeedingAnAbsentVariableFailsToInitialise() {
        #expect(throws: MissingEnvironmentVariable.self) { try PetLookupHandler(context: .test()) }
    }

    @Test func anEventThatDoesNotDecodeNeverReachesTheHandler() async {
        let failure = await #expect(throws: InvocationFailure.self) {
            _ = try await FeePaymentHandler().invoke(json: #"{"Records": "not a list"}"#)
        }
        #expect(failure?.errorType == "Runtime.UnmarshalError")
        let fromFixture = await #expect(throws: InvocationFailure.self) {
            _ = try await FeePaymentHandler().invoke(fixture: "samples/apigateway-aws-proxy.json")
        }
        #expect(fromFixture?.errorType == "Runtime.UnmarshalError")
    }

    @Test func aBadEventPostsTheRuntimesOwnUnmarshalReport() async {
        let posted = await FeePaymentHandler().post(json: #"{"Records": "not a list"}"#)
        guard case .error(let errorType, let body) = posted else {
            Issue.record("expected an /error post, got \(posted)")
            return
        }
        #expect(errorType == "Runtime.UnmarshalError")
        #expect(String(decoding: body, as: UTF8.self).hasPrefix(#"{"errorMessage":"the event does not decode: "#))
    }

    @Test func anOutputOverLambdasLimitIsReportedNotReturned() async throws {
        let limit = 6 * 1024 * 1024
        let bytes = await #expect(throws: InvocationFailure.self) {
            _ = try await ShoutHandler().invoke(bytes: [UInt8](repeating: UInt8(ascii: "a"), count: limit + 1))
        }
        #expect(bytes?.errorType == "Function.ResponseSizeTooLarge")
        #expect(bytes?.errorMessage
                == "Response payload size (6291457 bytes) exceeded maximum allowed payload size (6291456 bytes).")
        // A typed handler's output counts as the JSON the runtime would post: the string plus its quotes.
        let typed = await #expect(throws: InvocationFailure.self) {
            _ = try await RepeatHandler().invoke(json: String(limit - 1))
        }
        #expect(typed?.errorType == "Function.ResponseSizeTooLarge")
        #expect(try await RepeatHandler().invoke(json: String(limit - 2)).utf8.count == limit - 2)
    }

    @Test func aByteHandlersResponseIsPostedAsItIs() async {
        let posted = await ShoutHandler().post(bytes: Array("rex".utf8))
        #expect(posted == .response(LambdaResponse(body: Array("REX".utf8), contentType: "text/plain")))
    }

    @Test func invokesAByteHandler() async throws {
        let response = try await ShoutHandler().invoke(json: #"{"pet":"rex"}"#)
        #expect(response == LambdaResponse(body: Array(#"{"PET":"REX"}"#.utf8), contentType: "text/plain"))
        let fromFile = try await ShoutHandler().invoke(fixture: "samples/eventbridge-moto-no-account.json")
        #expect(String(decoding: fromFile.body, as: UTF8.self).contains(#""DETAIL-TYPE": "JOBDONE""#))
    }
}

/// Returns a string of `event` letters: an output of a chosen size.
private struct RepeatHandler: LambdaHandler {
    func handle(_ event: Int, context: LambdaContext) async throws -> String {
        String(repeating: "a", count: event)
    }
}
