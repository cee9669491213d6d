import Foundation
import LambdaTesting
import Testing
@testable import TrafficGenerator

@Suite struct CatalogTests {
    @Test func embeddedPetsAreTheSeedPets() throws {
        struct SeedPet: Decodable { var pettype: String; var petid: String; var petcolor: String }
        let seed = try Fixtures.decode([SeedPet].self, "seed/pets.json")
        let expected = seed.map { PetSiteCatalog.Pet(type: $0.pettype, id: $0.petid, color: $0.petcolor) }
        #expect(Set(PetSiteCatalog.seed.pets.map { "\($0)" }) == Set(expected.map { "\($0)" }))
        #expect(PetSiteCatalog.seed.pets.count == 26)
    }

    @Test func embeddedFoodsAreTheSeedFoods() throws {
        struct SeedFood: Decodable { var id: String; var pet_type: String }
        let seed = try Fixtures.decode([SeedFood].self, "seed/petfoods.json")
        let expected = seed.map { PetSiteCatalog.Food(id: $0.id, petType: $0.pet_type) }
        #expect(Set(PetSiteCatalog.seed.foods.map { "\($0)" }) == Set(expected.map { "\($0)" }))
    }

    @Test func everyPetTypeHasFood() {
        for pet in PetSiteCatalog.seed.pets {
            #expect(!PetSiteCatalog.seed.foods(for: pet.type).isEmpty, "no food for \(pet.type)")
        }
    }
}
