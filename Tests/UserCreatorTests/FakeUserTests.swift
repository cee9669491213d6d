import Testing

@testable import UserCreator

@Suite struct FakeUserTests {
    @Test func theSameIdAlwaysGivesTheSamePerson() {
        #expect(FakeUser(userId: "user0001") == FakeUser(userId: "user0001"))
        #expect(FakeUser(userId: "user0001") != FakeUser(userId: "user0002"))
    }

    @Test func fieldsHaveTheExpectedShape() {
        for id in (1...200).map({ "user\($0)" }) {
            let user = FakeUser(userId: id)
            #expect(user.email == "\(user.firstName.lowercased()).\(user.lastName.lowercased())@example.com")
            #expect(user.cardNumber.count == 16)
            #expect(user.cardNumber.hasPrefix("411111"))
            #expect(Luhn.isValid(user.cardNumber), "\(user.maskedCardNumber) must pass Luhn")
            #expect(!user.address.isEmpty)
        }
    }

    @Test func theSeedIsStableAcrossProcesses() {
        // Pinned: a change here would make redeliveries after a deploy write a different person.
        let user = FakeUser(userId: "user0001")
        #expect(user.description == "FakeUser(user0001, \(user.fullName), \(user.email), card \(user.maskedCardNumber))")
        var random = SeededRandom(seed: "user0001")
        #expect(random.next() == 0xB379_4F0C_8CBA_BBD4)  // FNV-1a then SplitMix64, computed independently
    }

    @Test func maskingShowsOnlyTheLastFourDigits() {
        var user = FakeUser(userId: "user0001")
        user.cardNumber = "4111111111111111"
        #expect(user.maskedCardNumber == "************1111")
        #expect(!user.description.contains("4111111111111111"))
    }

    @Test func luhn() {
        #expect(Luhn.isValid("4111111111111111"))
        #expect(Luhn.isValid("79927398713"))
        #expect(!Luhn.isValid("4111111111111112"))
        #expect(!Luhn.isValid("41111111x1111111"))
        #expect(Luhn.appendingCheckDigit(to: "7992739871") == "79927398713")
        #expect(Luhn.appendingCheckDigit(to: "411111111111111") == "4111111111111111")
    }
}
