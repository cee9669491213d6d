import LambdaEvents
import LambdaTesting
import Testing

@Suite struct CloudFormationTests {
    struct SchemaProperties: Codable, Sendable, Equatable {
        let schemaVersion: String
        let database: String
        enum CodingKeys: String, CodingKey {
            case schemaVersion = "SchemaVersion"
            case database = "Database"
        }
    }
    typealias SchemaRequest = CloudFormationCustomResourceRequest<SchemaProperties>
    typealias SchemaResponse = CloudFormationCustomResourceResponse<[String: String]>

    @Test func decodesTheSAMCreateRequest() throws {
        struct StackProperties: Codable, Sendable, Equatable {
            let StackName: String
            let List: [String]
        }
        let request = try Fixtures.decode(
            CloudFormationCustomResourceRequest<StackProperties>.self, "samples/cloudformation-create-request.json")
        #expect(request.requestType == .create)
        #expect(request.responseURL == "http://pre-signed-S3-url-for-response")
        #expect(request.stackId == "arn:aws:cloudformation:us-east-1:123456789012:stack/MyStack/guid")
        #expect(request.requestId == "unique id for this create request")
        #expect(request.resourceType == "Custom::TestResource")
        #expect(request.logicalResourceId == "MyTestResource")
        #expect(request.physicalResourceId == nil)
        #expect(request.serviceToken == nil)
        #expect(request.resourceProperties == StackProperties(StackName: "MyStack", List: ["1", "2", "3"]))
        #expect(request.oldResourceProperties == nil)
    }

    @Test func decodesUpdateAndDeleteRequests() throws {
        let update = try Fixtures.decode(SchemaRequest.self, "samples/cloudformation-update-request.json")
        #expect(update.requestType == .update)
        #expect(update.physicalResourceId == "pets-schema")
        #expect(update.serviceToken == "arn:aws:lambda:eu-west-1:123456789012:function:pets-schema-migrator")
        #expect(update.resourceProperties == SchemaProperties(schemaVersion: "7", database: "pets"))
        #expect(update.oldResourceProperties == SchemaProperties(schemaVersion: "6", database: "pets"))

        let delete = try Fixtures.decode(SchemaRequest.self, "samples/cloudformation-delete-request.json")
        #expect(delete.requestType == .delete)
        #expect(delete.oldResourceProperties == nil)
        #expect(try LambdaPayload.decode(SchemaRequest.self, from: LambdaPayload.encode(update)) == update)
    }

    @Test func rejectsAnUnknownRequestType() {
        let json = #"{"RequestType":"Rollback","ResponseURL":"u","StackId":"s","RequestId":"r","ResourceType":"Custom::X","LogicalResourceId":"L","ResourceProperties":{}}"#
        #expect(throws: DecodingError.self) {
            try LambdaPayload.decode(CloudFormationCustomResourceRequest<JSONValue>.self, from: Array(json.utf8))
        }
    }

    @Test func successResponseEchoesTheRequestWithExactKeys() throws {
        let update = try Fixtures.decode(SchemaRequest.self, "samples/cloudformation-update-request.json")
        let response = SchemaResponse.success(for: update, data: ["Version": "7"])
        let json = try LambdaPayload.decode(JSONValue.self, from: response.encodedBody())
        #expect(json == [
            "Status": "SUCCESS",
            "PhysicalResourceId": "pets-schema",
            "StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/pets/5b6e1f30-c6a1-11f0-9a5e-0a8d4c1e2f3b",
            "RequestId": "0c9f8e7d-6b5a-4c3d-2e1f-0a9b8c7d6e5f",
            "LogicalResourceId": "SchemaMigration",
            "NoEcho": false,
            "Data": ["Version": "7"],
        ])
        // Slashes stay unescaped, which keeps ARNs within the size budget.
        #expect(String(decoding: try response.encodedBody(), as: UTF8.self).contains("stack/pets/"))
    }

    @Test func failureResponseCarriesTheReason() throws {
        let delete = try Fixtures.decode(SchemaRequest.self, "samples/cloudformation-delete-request.json")
        let response = SchemaResponse.failure(for: delete, reason: "database pets is unreachable")
        let json = try LambdaPayload.decode(JSONValue.self, from: response.encodedBody())
        #expect(json == [
            "Status": "FAILED",
            "Reason": "database pets is unreachable",
            "PhysicalResourceId": "pets-schema",
            "StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/pets/5b6e1f30-c6a1-11f0-9a5e-0a8d4c1e2f3b",
            "RequestId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
            "LogicalResourceId": "SchemaMigration",
            "NoEcho": false,
        ])
    }

    @Test func aCreateGetsTheGivenPhysicalIdOrTheRequestId() throws {
        let create = try Fixtures.decode(
            CloudFormationCustomResourceRequest<JSONValue>.self, "samples/cloudformation-create-request.json")
        #expect(SchemaResponse.success(for: create).physicalResourceId == "unique id for this create request")
        #expect(SchemaResponse.success(for: create, physicalResourceId: "pets-schema").physicalResourceId == "pets-schema")
        #expect(SchemaResponse.success(for: create, noEcho: true).noEcho)
    }

    @Test func refusesABodyOverFourKilobytes() throws {
        let update = try Fixtures.decode(SchemaRequest.self, "samples/cloudformation-update-request.json")
        let large = SchemaResponse.success(for: update, data: ["Blob": String(repeating: "x", count: 4000)])
        #expect(throws: CloudFormationResponseTooLarge.self) { try large.encodedBody() }
        do {
            _ = try large.encodedBody()
        } catch let error as CloudFormationResponseTooLarge {
            #expect(error.limit == 4096)
            #expect(error.size > 4096)
        }
        let fits = SchemaResponse.success(for: update, data: ["Blob": String(repeating: "x", count: 3000)])
        #expect(try fits.encodedBody().count <= 4096)
    }
}
