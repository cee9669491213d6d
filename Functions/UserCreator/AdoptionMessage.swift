/// The body of a message on the adoptions queue: the pet site sends one per completed adoption.
/// Only `userId` matters to this function; the rest is kept for logs.
struct AdoptionMessage: Decodable, Sendable, Equatable {
    var transactionId: String?
    var petId: String?
    var petType: String?
    var userId: String?
    var adoptionDate: String?
    var timestamp: String?

    /// The user to create; throws when the message names none.
    func requiredUserId() throws -> String {
        guard let userId, !userId.allSatisfy(\.isWhitespace) else {
            throw InvalidAdoptionMessage(reason: "no userId")
        }
        return userId
    }

    init(
        transactionId: String? = nil, petId: String? = nil, petType: String? = nil, userId: String? = nil,
        adoptionDate: String? = nil, timestamp: String? = nil
    ) {
        self.transactionId = transactionId
        self.petId = petId
        self.petType = petType
        self.userId = userId
        self.adoptionDate = adoptionDate
        self.timestamp = timestamp
    }

    // `timestamp` arrives as a number from some senders (epoch millis) and as text from others.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        transactionId = try container.decodeIfPresent(String.self, forKey: .transactionId)
        petId = try container.decodeIfPresent(String.self, forKey: .petId)
        petType = try container.decodeIfPresent(String.self, forKey: .petType)
        userId = try container.decodeIfPresent(String.self, forKey: .userId)
        adoptionDate = try container.decodeIfPresent(String.self, forKey: .adoptionDate)
        if let number = try? container.decodeIfPresent(Double.self, forKey: .timestamp) {
            timestamp = String(Int64(number))
        } else {
            timestamp = try container.decodeIfPresent(String.self, forKey: .timestamp)
        }
    }

    enum CodingKeys: String, CodingKey {
        case transactionId, petId, petType, userId, adoptionDate, timestamp
    }
}

struct InvalidAdoptionMessage: Error, CustomStringConvertible {
    var reason: String
    var description: String { "invalid adoption message: \(reason)" }
}
