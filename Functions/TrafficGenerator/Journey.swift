/// One simulated visitor's way through the site: who they are, what they look at and buy, in order.
struct Journey: Sendable, Equatable {
    var userID: String
    var pet: PetSiteCatalog.Pet
    var food: PetSiteCatalog.Food
    var steps: [PetSiteStep]
}

/// Draws journeys: a random visitor (`user30000`…`user40000`), a pet from the catalog and a food for
/// that kind of pet, then the site's thirteen steps with those ids throughout.
struct JourneyPlanner: Sendable {
    /// Paid with at checkout: the card networks' public test number, never a real card.
    static let testCardNumber = "4111111111111111"
    static let userIDs = 30000...40000

    var catalog: PetSiteCatalog = .seed

    func plan(using random: inout some RandomNumberGenerator) -> Journey {
        let userID = "user\(Int.random(in: Self.userIDs, using: &random))"
        let pet = catalog.pets.randomElement(using: &random)!
        let food = catalog.foods(for: pet.type).randomElement(using: &random)!
        let quantities = (0..<3).map { _ in String(Int.random(in: 1...5, using: &random)) }
        return Journey(userID: userID, pet: pet, food: food,
                       steps: steps(userID: userID, pet: pet, food: food, quantities: quantities))
    }

    /// Browse the home page, filter by type and colour, open a pet, pay the adoption fee, then shop for
    /// food: add to the cart, check its count, remove the item, add again, clear the cart, add once more,
    /// and check out.
    private func steps(
        userID: String, pet: PetSiteCatalog.Pet, food: PetSiteCatalog.Food, quantities: [String]
    ) -> [PetSiteStep] {
        let user = Field("userId", userID)
        let petFields = [Field("petId", pet.id), Field("pettype", pet.type), Field("petcolor", pet.color), user]
        func addToCart(_ quantity: String) -> PetSiteStep {
            PetSiteStep(method: .post, path: "/FoodService/AddToCart",
                        body: .form([Field("foodId", food.id), user, Field("quantity", quantity)]))
        }
        return [
            PetSiteStep(method: .get, path: "/", query: [user]),
            PetSiteStep(method: .get, path: "/", query: [
                Field("selectedPetType", pet.type), Field("selectedPetColor", pet.color), user,
            ]),
            PetSiteStep(method: .get, path: "/Adoption", query: petFields),
            PetSiteStep(method: .get, path: "/Payment", query: petFields),
            PetSiteStep(method: .get, path: "/FoodService", query: [Field("petType", pet.type), user]),
            addToCart(quantities[0]),
            PetSiteStep(method: .get, path: "/FoodService/GetCartCount", query: [user]),
            PetSiteStep(method: .post, path: "/Checkout/RemoveItem",
                        body: .json([Field("foodId", food.id), user])),
            addToCart(quantities[1]),
            PetSiteStep(method: .post, path: "/Checkout/ClearCart", body: .form([user])),
            addToCart(quantities[2]),
            PetSiteStep(method: .get, path: "/Checkout", query: [user]),
            PetSiteStep(method: .post, path: "/Checkout/PayAndCheckOut",
                        body: .json([Field("cardNumber", Self.testCardNumber), user])),
        ]
    }
}
