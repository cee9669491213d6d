import AWSClients
import Foundation
import LambdaEvents
import LambdaTesting
import PetDomainTesting
import Testing

/// StatusUpdater through the runtime loop against the stack's pets table.
@Suite struct StatusUpdaterIntegrationTests {
    let stack: CatalogStack
    let dynamoDB: DynamoDB
    let table: String

    init() throws {
        stack = try CatalogStack()
        dynamoDB = DynamoDB(client: stack.aws(for: "StatusUpdater"))
        table = stack.variables(for: "StatusUpdater")["TABLE_NAME"] ?? "PetAdoptionsPets"
    }

    func request(_ fixture: String, petid: String) throws -> APIGatewayProxyRequest {
        var request = try Fixtures.decode(APIGatewayProxyRequest.self, "StatusUpdater/\(fixture)")
        let body = try JSONDecoder().decode(JSONValue.self, from: Data((request.body ?? "{}").utf8))
        request.body = String(decoding: try JSONEncoder().encode(body.setting("petid", to: .string(petid))), as: UTF8.self)
        return request
    }

    func availability(of petid: String) async throws -> String? {
        try await dynamoDB.getItem(table: table, key: ["pettype": "bunny", "petid": .s(petid)], consistentRead: true)?[
            "availability"]?.string
    }

    @Test func adoptionAndReturnAreStoredAndAnswered200() async throws {
        let petid = CatalogStack.uniqueID("it-pet")
        try await dynamoDB.putItem(table: table, item: ["pettype": "bunny", "petid": .s(petid), "availability": "yes",
                                                        "petcolor": "white"])
        let adopted = try stack.invoke("StatusUpdater", event: request("adopted.json", petid: petid))
            .decode(APIGatewayProxyResponse.self)
        #expect(adopted.statusCode == 200)
        let body = try JSONDecoder().decode([String: String].self, from: Data((adopted.body ?? "").utf8))
        #expect(body == ["pettype": "bunny", "petid": petid, "availability": "no"])
        #expect(try await availability(of: petid) == "no")

        let returned = try stack.invoke("StatusUpdater", event: request("available-again.json", petid: petid))
            .decode(APIGatewayProxyResponse.self)
        #expect(returned.statusCode == 200)
        #expect(try await availability(of: petid) == "yes")
    }

    @Test func unknownPetIs404AndCreatesNothing() async throws {
        let petid = CatalogStack.uniqueID("it-nopet")
        let response = try stack.invoke("StatusUpdater", event: request("unknown-pet.json", petid: petid))
            .decode(APIGatewayProxyResponse.self)
        #expect(response.statusCode == 404)
        #expect(try await dynamoDB.getItem(table: table, key: ["pettype": "bunny", "petid": .s(petid)]) == nil)
    }

    @Test(arguments: ["invalid-json.json", "missing-body.json", "missing-petid.json", "invalid-base64.json"])
    func badRequestsAre400(fixture: String) throws {
        let event = try Fixtures.decode(APIGatewayProxyRequest.self, "StatusUpdater/\(fixture)")
        let invocation = try stack.invoke("StatusUpdater", event: event)
        #expect(invocation.succeeded)
        let response = try invocation.decode(APIGatewayProxyResponse.self)
        #expect(response.statusCode == 400)
        #expect(response.body?.contains("message") == true)
    }
}
