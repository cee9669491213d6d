/// Where a pet's availability is kept: the pets table, keyed by `pettype` and `petid`.
protocol PetAvailabilityStore: Sendable {
    /// Sets the availability of an existing pet and returns the value now stored.
    /// Throws `PetNotFound` when there is no such pet; nothing is written then.
    func setAvailability(_ availability: String, of pet: PetKey) async throws -> String
}

struct PetKey: Sendable, Equatable, Hashable {
    var pettype: String
    var petid: String
}

struct PetNotFound: Error, Equatable {
    var pet: PetKey
}
