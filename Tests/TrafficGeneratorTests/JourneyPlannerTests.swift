import Foundation
import LambdaTesting
import Testing
@testable import TrafficGenerator

@Suite struct JourneyPlannerTests {
    let planner = JourneyPlanner()

    @Test func theSameSeedPlansTheSameJourney() {
        var first = SeededRandom(seed: 42)
        var second = SeededRandom(seed: 42)
        #expect(planner.plan(using: &first) == planner.plan(using: &second))
        var other = SeededRandom(seed: 43)
        var again = SeededRandom(seed: 42)
        #expect(planner.plan(using: &other) != planner.plan(using: &again))
    }

    @Test func aJourneyIsTheSitesThirteenStepsInOrder() {
        var random = SeededRandom(seed: 7)
        let journey = planner.plan(using: &random)
        #expect(journey.steps.map { "\($0.method.rawValue) \($0.path)" } == journeyPaths)
    }

    @Test(arguments: 0..<200)
    func everyStepCarriesTheJourneysIds(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let journey = planner.plan(using: &random)
        let number = try #require(Int(journey.userID.dropFirst("user".count)))
        #expect(journey.userID.hasPrefix("user") && JourneyPlanner.userIDs.contains(number))
        #expect(PetSiteCatalog.seed.pets.contains(journey.pet))
        #expect(journey.food.petType == journey.pet.type)

        for step in journey.steps {
            #expect(fields(of: step).contains(Field("userId", journey.userID)), "\(step.path) lacks the user id")
        }
        let steps = journey.steps
        #expect(steps[1].query == [Field("selectedPetType", journey.pet.type),
                                   Field("selectedPetColor", journey.pet.color), Field("userId", journey.userID)])
        for adoptionStep in [steps[2], steps[3]] {
            #expect(adoptionStep.query == [Field("petId", journey.pet.id), Field("pettype", journey.pet.type),
                                           Field("petcolor", journey.pet.color), Field("userId", journey.userID)])
        }
        for cartStep in [steps[5], steps[7], steps[8], steps[10]] {
            #expect(fields(of: cartStep).contains(Field("foodId", journey.food.id)))
        }
    }

    @Test func formsAreFormEncodedAndScriptsPostJSON() throws {
        var random = SeededRandom(seed: 1)
        let journey = planner.plan(using: &random)

        let addToCart = try #require(journey.steps[5].encodedBody())
        #expect(addToCart.contentType == "application/x-www-form-urlencoded")
        let quantity = try #require(fields(of: journey.steps[5]).first { $0.name == "quantity" }?.value)
        #expect(String(decoding: addToCart.bytes, as: UTF8.self)
                == "foodId=\(journey.food.id)&userId=\(journey.userID)&quantity=\(quantity)")
        #expect((1...5).contains(Int(quantity) ?? 0))

        let pay = try #require(journey.steps[12].encodedBody())
        #expect(pay.contentType == "application/json")
        let object = try JSONDecoder().decode([String: String].self, from: Data(pay.bytes))
        #expect(object == ["cardNumber": JourneyPlanner.testCardNumber, "userId": journey.userID])
        // Members in name order, so the same step always posts the same bytes.
        #expect(String(decoding: pay.bytes, as: UTF8.self)
                == #"{"cardNumber":"\#(JourneyPlanner.testCardNumber)","userId":"\#(journey.userID)"}"#)

        #expect(journey.steps[0].encodedBody() == nil)
        #expect(journey.steps[0].target == "/?userId=\(journey.userID)")
    }

    @Test func queryValuesArePercentEncoded() {
        let step = PetSiteStep(method: .get, path: "/search", query: [Field("q", "black & white cat"), Field("ü", "~ok")])
        #expect(step.target == "/search?q=black%20%26%20white%20cat&%C3%BC=~ok")
    }

    private func fields(of step: PetSiteStep) -> [Field] {
        switch step.body {
        case .none: step.query
        case .form(let fields), .json(let fields): step.query + fields
        }
    }
}
