import LambdaEvents
import PetDomain
import LambdaSystem

/// The detail of `FoodItemCreated` and `FoodItemUpdated`: the food as the service now has it.
struct FoodItemChanged: PetfoodEventDetail, Equatable {
    static let handledKinds: Set<String> = ["FoodItemCreated", "FoodItemUpdated"]

    var foodID: String
    var foodName: String
    var petType: String?
    var foodType: String?
    var description: String?
    var ingredients: [String]
    var metadata: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case foodID = "food_id", foodName = "food_name", petType = "pet_type", foodType = "food_type"
        case description, ingredients, metadata
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        foodID = try container.decode(String.self, forKey: .foodID)
        foodName = try container.decode(String.self, forKey: .foodName)
        petType = try container.decodeIfPresent(String.self, forKey: .petType)
        foodType = try container.decodeIfPresent(String.self, forKey: .foodType)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        // The service sends a list; older producers a comma-separated string.
        if let list = try? container.decodeIfPresent([String].self, forKey: .ingredients) {
            ingredients = list
        } else if let text = try? container.decodeIfPresent(String.self, forKey: .ingredients) {
            ingredients = text.split(separator: ",").map { $0.trimmingWhitespace() }
        } else {
            ingredients = []
        }
        ingredients.removeAll(where: \.isEmpty)
        metadata = try container.decodeIfPresent([String: JSONValue].self, forKey: .metadata) ?? [:]
    }

    /// Seed items come with descriptions written as image prompts.
    var isSeedData: Bool {
        switch metadata["is_seed_data"] {
        case .bool(let flag): flag
        case .string(let text): text.lowercased() == "true"
        default: false
        }
    }

    /// Where the platform expects the food's picture: `images/petfood/<slug of its name>.jpg`.
    var imageKey: String { "\(FoodImageKeys.prefix)\(Self.slug(foodName.isEmpty ? foodID : foodName)).jpg" }

    /// Lower case, each run of characters other than ASCII letters and digits one `-`, none at the ends.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        if slug.last == "-" { slug.removeLast() }
        return slug
    }
}
