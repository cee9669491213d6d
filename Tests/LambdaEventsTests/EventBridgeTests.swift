import LambdaEvents
import LambdaTesting
import Testing

@Suite struct EventBridgeTests {
    struct PetAdopted: Codable, Sendable, Equatable {
        let adoptionId: String
        let petId: String
        let adopterId: String
        let fee: Double
        let vaccinated: Bool
        let tags: [String]
    }

    @Test func decodesACustomEventWithATypedDetail() throws {
        let event = try Fixtures.decode(EventBridgeEvent<PetAdopted>.self, "samples/eventbridge-custom-event.json")
        #expect(event.version == "0")
        #expect(event.id == "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
        #expect(event.detailType == "PetAdopted")
        #expect(event.source == "pets.adoptions")
        #expect(event.account == "123456789012")
        #expect(event.time == "2026-11-21T22:54:17Z")
        #expect(event.region == "eu-west-1")
        #expect(event.resources == ["arn:aws:events:eu-west-1:123456789012:event-bus/pets"])
        #expect(event.detail == PetAdopted(
            adoptionId: "a-1042", petId: "p-7", adopterId: "u-311", fee: 85.5, vaccinated: true,
            tags: ["dog", "senior"]))
    }

    @Test func decodesWhatMotoDeliversWithoutAccount() throws {
        struct Job: Codable, Sendable, Equatable { let id: Int }
        let event = try Fixtures.decode(EventBridgeEvent<Job>.self, "samples/eventbridge-moto-no-account.json")
        #expect(event.account == nil)
        #expect(event.detailType == "JobDone")
        #expect(event.resources.isEmpty)
        #expect(event.detail == Job(id: 42))
    }

    @Test func decodesAScheduledRuleInputWithoutDetailTypeAccountOrResources() throws {
        struct Housekeeping: Codable, Sendable, Equatable {
            let task: String
            let olderThanHours: Int
        }
        let event = try Fixtures.decode(
            EventBridgeEvent<Housekeeping>.self, "samples/eventbridge-scheduled-custom-input.json")
        #expect(event.detailType == nil)
        #expect(event.account == nil)
        #expect(event.resources == [])
        #expect(event.source == "aws.events")
        #expect(event.detail == Housekeeping(task: "expire-holds", olderThanHours: 48))
    }

    @Test func decodesTheSAMScheduledEventWithFreeFormDetail() throws {
        let event = try Fixtures.decode(ScheduledEvent.self, "samples/cloudwatch-scheduled-event.json")
        #expect(event.detailType == "Scheduled Event")
        #expect(event.source == "aws.events")
        #expect(event.region == "eu-west-1")
        #expect(event.version == "0")  // SAM's sample has no version; EventBridge's is always "0"
        #expect(event.resources == ["arn:aws:events:eu-west-1:123456789012:rule/ExampleRule"])
        #expect(event.detail == [:])
    }

    @Test func doesNotCareWhatTheDetailTypeSays() throws {
        // The scheduled event's detail is {}, which decodes into any all-optional detail type.
        struct Anything: Codable, Sendable, Equatable { let note: String? }
        let event = try Fixtures.decode(EventBridgeEvent<Anything>.self, "samples/cloudwatch-scheduled-event.json")
        #expect(event.detail == Anything(note: nil))
    }

    @Test func aDetailOfTheWrongShapeIsRejected() {
        #expect(throws: DecodingError.self) {
            try Fixtures.decode(EventBridgeEvent<PetAdopted>.self, "samples/eventbridge-moto-no-account.json")
        }
    }

    @Test func encodesTheEnvelopeWithAWSKeys() throws {
        let event = EventBridgeEvent(
            id: "e-1", detailType: "PetListed", source: "pets.catalog", account: nil, time: "2026-11-22T00:00:00Z",
            region: "eu-west-1", detail: ["petId": "p-3"] as JSONValue)
        let json = try LambdaPayload.decode(JSONValue.self, from: LambdaPayload.encode(event))
        #expect(json == [
            "version": "0", "id": "e-1", "detail-type": "PetListed", "source": "pets.catalog",
            "time": "2026-11-22T00:00:00Z", "region": "eu-west-1", "resources": [], "detail": ["petId": "p-3"],
        ])
    }

    @Test(arguments: [
        "samples/eventbridge-custom-event.json", "samples/eventbridge-moto-no-account.json",
        "samples/eventbridge-scheduled-custom-input.json", "samples/cloudwatch-scheduled-event.json",
    ])
    func roundTrips(sample: String) throws {
        let event = try Fixtures.decode(ScheduledEvent.self, sample)
        #expect(try LambdaPayload.decode(ScheduledEvent.self, from: LambdaPayload.encode(event)) == event)
    }
}
