/// The made-up customer behind a `userId`: the same id always gives the same person, so a redelivered
/// message writes exactly what the first delivery wrote.
struct FakeUser: Sendable, Equatable, CustomStringConvertible {
    var userId: String
    var firstName: String
    var lastName: String
    var email: String
    var address: String
    /// A Luhn-valid number from the Visa test range (411111...), never a real card. Still treated as a
    /// secret: only `maskedCardNumber` may appear in logs.
    var cardNumber: String

    var fullName: String { "\(firstName) \(lastName)" }

    /// `************1111`: all but the last four digits hidden.
    var maskedCardNumber: String {
        String(repeating: "*", count: max(0, cardNumber.count - 4)) + String(cardNumber.suffix(4))
    }

    /// Safe to log: the card is masked.
    var description: String {
        "FakeUser(\(userId), \(fullName), \(email), card \(maskedCardNumber))"
    }

    init(userId: String) {
        var random = SeededRandom(seed: userId)
        let first = Self.firstNames[random.next(below: Self.firstNames.count)]
        let last = Self.lastNames[random.next(below: Self.lastNames.count)]
        let houseNumber = 1 + random.next(below: 9_999)
        let street = Self.streets[random.next(below: Self.streets.count)]
        let city = Self.cities[random.next(below: Self.cities.count)]
        let zip = 10_000 + random.next(below: 89_999)
        let accountDigits = (0..<9).map { _ in String(random.next(below: 10)) }.joined()

        self.userId = userId
        self.firstName = first
        self.lastName = last
        self.email = "\(first.lowercased()).\(last.lowercased())@example.com"
        self.address = "\(houseNumber) \(street), \(city) \(zip)"
        self.cardNumber = Luhn.appendingCheckDigit(to: "411111" + accountDigits)
    }

    private static let firstNames = [
        "Alice", "Bruno", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Keiko", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tara",
    ]
    private static let lastNames = [
        "Anders", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen",
        "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinto", "Rossi", "Silva", "Tanaka",
    ]
    private static let streets = [
        "Maple Street", "Oak Avenue", "Harbor Road", "Elm Lane", "Cedar Court", "Birch Way", "Lake Drive",
        "Hill Street",
    ]
    private static let cities = [
        "Seattle, WA", "Portland, OR", "Austin, TX", "Denver, CO", "Boston, MA", "Chicago, IL",
    ]
}

/// The Luhn checksum payment card numbers carry.
enum Luhn {
    static func isValid(_ number: String) -> Bool {
        let digits = number.compactMap(\.wholeNumberValue)
        guard digits.count == number.count, digits.count > 1 else { return false }
        return checksum(digits) % 10 == 0
    }

    /// `payload` followed by the digit that makes it Luhn-valid.
    static func appendingCheckDigit(to payload: String) -> String {
        let digits = payload.compactMap(\.wholeNumberValue) + [0]
        return payload + String((10 - checksum(digits) % 10) % 10)
    }

    /// Sum with every second digit from the right doubled (and 9 subtracted when above 9).
    private static func checksum(_ digits: [Int]) -> Int {
        digits.reversed().enumerated().reduce(0) { sum, element in
            let (index, digit) = element
            guard index % 2 == 1 else { return sum + digit }
            let doubled = digit * 2
            return sum + (doubled > 9 ? doubled - 9 : doubled)
        }
    }
}

/// A small deterministic generator (FNV-1a of the seed, then SplitMix64 steps): stable across runs,
/// platforms and Swift versions, unlike `Hasher`, which is randomly seeded per process.
struct SeededRandom {
    private var state: UInt64

    init(seed: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in seed.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
