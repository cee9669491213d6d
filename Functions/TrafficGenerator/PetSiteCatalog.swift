/// The pets and foods a simulated visitor picks from: the site's seed data (`events/seed/pets.json` and
/// `petfoods.json`), embedded so the binary needs no files at run time. `CatalogTests` keeps the two in step.
///
/// Only the seed's pet types appear (puppy, kitten, bunny): a visitor asking for a pet or food the site
/// does not have would measure error pages, not the site.
struct PetSiteCatalog: Sendable {
    struct Pet: Sendable, Equatable {
        var type: String
        var id: String
        var color: String
    }

    struct Food: Sendable, Equatable {
        var id: String
        var petType: String
    }

    var pets: [Pet]
    var foods: [Food]

    func foods(for petType: String) -> [Food] {
        foods.filter { $0.petType == petType }
    }

    static let seed = PetSiteCatalog(pets: [
        Pet(type: "bunny", id: "023", color: "white"),
        Pet(type: "bunny", id: "024", color: "brown"),
        Pet(type: "bunny", id: "025", color: "brown"),
        Pet(type: "bunny", id: "026", color: "brown"),
        Pet(type: "kitten", id: "016", color: "white"),
        Pet(type: "kitten", id: "017", color: "white"),
        Pet(type: "kitten", id: "018", color: "black"),
        Pet(type: "kitten", id: "019", color: "grey"),
        Pet(type: "kitten", id: "020", color: "brown"),
        Pet(type: "kitten", id: "021", color: "brown"),
        Pet(type: "kitten", id: "022", color: "black"),
        Pet(type: "puppy", id: "001", color: "black"),
        Pet(type: "puppy", id: "002", color: "black"),
        Pet(type: "puppy", id: "003", color: "brown"),
        Pet(type: "puppy", id: "004", color: "black"),
        Pet(type: "puppy", id: "005", color: "brown"),
        Pet(type: "puppy", id: "006", color: "brown"),
        Pet(type: "puppy", id: "007", color: "brown"),
        Pet(type: "puppy", id: "008", color: "brown"),
        Pet(type: "puppy", id: "009", color: "black"),
        Pet(type: "puppy", id: "010", color: "brown"),
        Pet(type: "puppy", id: "011", color: "white"),
        Pet(type: "puppy", id: "012", color: "white"),
        Pet(type: "puppy", id: "013", color: "white"),
        Pet(type: "puppy", id: "014", color: "black"),
        Pet(type: "puppy", id: "015", color: "white"),
    ], foods: [
        Food(id: "F046a4eca", petType: "bunny"),
        Food(id: "F36a222eb", petType: "bunny"),
        Food(id: "F57580f2e", petType: "bunny"),
        Food(id: "F3585a442", petType: "kitten"),
        Food(id: "Fc7f447a1", petType: "kitten"),
        Food(id: "Ffb5ef0e2", petType: "kitten"),
        Food(id: "F233c473c", petType: "puppy"),
        Food(id: "F3e40f637", petType: "puppy"),
        Food(id: "Fecd30d31", petType: "puppy"),
    ])
}
