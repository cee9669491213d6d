import AWSClients

/// The pets table (`TABLE_NAME`; key `pettype` + `petid`).
struct DynamoDBPets: PetAvailabilityStore {
    let dynamoDB: DynamoDB
    let table: String

    func setAvailability(_ availability: String, of pet: PetKey) async throws -> String {
        do {
            // The condition keeps an unknown key from creating a pet that is nothing but a key.
            let updated = try await dynamoDB.updateItem(
                table: table, key: ["pettype": .s(pet.pettype), "petid": .s(pet.petid)],
                update: "SET availability = :availability",
                DynamoDB.Expressions(condition: "attribute_exists(petid)", values: [":availability": .s(availability)]),
                returnValues: .updatedNew)
            return updated?["availability"]?.string ?? availability
        } catch is DynamoDB.ConditionalCheckFailed {
            throw PetNotFound(pet: pet)
        }
    }
}
