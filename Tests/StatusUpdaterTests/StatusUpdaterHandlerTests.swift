#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LambdaEvents
import LambdaRuntime
import LambdaTesting
@testable import StatusUpdater
import Testing

/// The pets table in memory.
actor InMemoryPets: PetAvailabilityStore {
    var availability: [PetKey: String]
    var failure: (any Error)?

    init(_ pets: [PetKey: String], failure: (any Error)? = nil) {
        availability = pets
        self.failure = failure
    }

    func setAvailability(_ value: String, of pet: PetKey) throws -> String {
        if let failure { throw failure }
        guard availability[pet] != nil else { throw PetNotFound(pet: pet) }
        availability[pet] = value
        return value
    }
}

struct StatusUpdaterHandlerTests {
    let bunny = PetKey(pettype: "bunny", petid: "023")
    let otherBunny = PetKey(pettype: "bunny", petid: "024")

    func run(_ fixture: String, pets: InMemoryPets, logs: LogCapture = LogCapture()) async throws
        -> APIGatewayProxyResponse
    {
        try await StatusUpdaterHandler(store: pets)
            .invoke(fixture: "StatusUpdater/\(fixture)", context: .test(logger: logs.logger()))
    }

    func body<T: Decodable>(_ response: APIGatewayProxyResponse, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data((response.body ?? "").utf8))
    }

    @Test func adoptionWithoutAvailabilityMarksThePetNotAvailable() async throws {
        let pets = InMemoryPets([bunny: "yes"])
        let response = try await run("adopted.json", pets: pets)
        #expect(response.statusCode == 200)
        #expect(response.headers?["Content-Type"] == "application/json")
        #expect(try body(response, as: StatusUpdated.self) == StatusUpdated(pettype: "bunny", petid: "023", availability: "no"))
        #expect(await pets.availability[bunny] == "no")
    }

    @Test func availabilityPresentMarksThePetAvailable() async throws {
        let pets = InMemoryPets([bunny: "no"])
        let response = try await run("available-again.json", pets: pets)
        #expect(response.statusCode == 200)
        #expect(try body(response, as: StatusUpdated.self).availability == "yes")
        #expect(await pets.availability[bunny] == "yes")
    }

    @Test func base64BodyIsDecoded() async throws {
        let pets = InMemoryPets([otherBunny: "no"])
        let response = try await run("base64-body.json", pets: pets)
        #expect(response.statusCode == 200)
        #expect(await pets.availability[otherBunny] == "yes")
    }

    @Test(arguments: [
        ("missing-body.json", "the request has no body"),
        ("invalid-json.json", "the request body is not valid JSON"),
        ("missing-petid.json", "petid is missing"),
        ("invalid-base64.json", "the request body is marked base64 but is not valid base64"),
    ])
    func badRequestsGet400WithTheReason(fixture: String, message: String) async throws {
        let pets = InMemoryPets([bunny: "yes"])
        let response = try await run(fixture, pets: pets)
        #expect(response.statusCode == 400)
        #expect(try body(response, as: ErrorBody.self).message == message)
        #expect(await pets.availability[bunny] == "yes")
    }

    @Test(arguments: [
        (#"[1, 2]"#, "the request body must be a JSON object"),
        (#"{"petid": 23, "pettype": "bunny"}"#, "petid must be a non-empty string"),
        (#"{"petid": "023", "pettype": ""}"#, "pettype must be a non-empty string"),
        (#"{"petid": "023", "pettype": null}"#, "pettype is missing"),
    ])
    func keysMustBeNonEmptyStrings(body text: String, message: String) throws {
        let request = try Fixtures.decode(APIGatewayProxyRequest.self, "StatusUpdater/adopted.json")
        var bad = request
        bad.body = text
        #expect(throws: BadRequest(message)) { try StatusUpdate(request: bad) }
    }

    @Test func nullAvailabilityCountsAsAbsent() throws {
        var request = try Fixtures.decode(APIGatewayProxyRequest.self, "StatusUpdater/adopted.json")
        request.body = #"{"petid": "023", "pettype": "bunny", "petavailability": null}"#
        #expect(try StatusUpdate(request: request).availability == "no")
    }

    @Test func unknownPetGets404AndNothingIsWritten() async throws {
        let pets = InMemoryPets([bunny: "yes"])
        let response = try await run("unknown-pet.json", pets: pets)
        #expect(response.statusCode == 404)
        #expect(try body(response, as: ErrorBody.self).message == "no pet with pettype bunny and petid 999")
        #expect(await pets.availability.count == 1)
    }

    @Test func storeFailureGets500WithoutDetailsWhichGoToTheLog() async throws {
        struct Outage: Error, CustomStringConvertible { var description: String { "dynamodb unreachable: timeout" } }
        let logs = LogCapture()
        let response = try await run("adopted.json", pets: InMemoryPets([bunny: "yes"], failure: Outage()), logs: logs)
        #expect(response.statusCode == 500)
        #expect(response.body?.contains("unreachable") == false)
        #expect(logs.records.contains { $0.level == .error && $0.renderedText.contains("dynamodb unreachable: timeout") })
    }

    @Test func otherMethodsGet405() async throws {
        let response = try await run("wrong-method.json", pets: InMemoryPets([bunny: "yes"]))
        #expect(response.statusCode == 405)
        #expect(response.headers?["Allow"] == "PUT")
    }
}
