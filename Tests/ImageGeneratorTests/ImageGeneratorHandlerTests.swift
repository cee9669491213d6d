#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
@testable import ImageGenerator
import LambdaTesting
import PetDomain
import PetDomainTesting
import Testing

/// A model that answers with fixed bytes and remembers its prompts.
actor RecordingModel: ImageModel {
    nonisolated let modelID = "amazon.titan-image-generator-v2:0"
    let answer: [UInt8]
    private(set) var prompts: [String] = []

    init(answer: [UInt8]) {
        self.answer = answer
    }

    func generateImage(prompt: String, negativePrompt: String) -> [UInt8] {
        prompts.append(prompt)
        return answer
    }
}

struct ImageGeneratorHandlerTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    static let chicken = FoodItem(id: "F233c473c", name: "Raw Chicken Bites", image: "petfood/raw-chicken-bites.jpg")
    static let salmon = FoodItem(id: "Ffb5ef0e2", name: "Salmon and Tuna Delight")

    @Test func generatesStoresThenPointsTheItemAtThePicture() async throws {
        let catalog = InMemoryFoodCatalog([Self.chicken])
        let images = InMemoryFoodImageStore()
        let model = RecordingModel(answer: Self.png)
        let summary = try await ImageGeneratorHandler(catalog: catalog, images: images, model: model)
            .invoke(fixture: "ImageGenerator/food-item-created.json")
        let key = "images/petfood/raw-chicken-bites.jpg"
        #expect(summary.status == .generated)
        #expect(summary.imageKey == key)
        #expect(summary.contentType == "image/png")
        let stored = try #require(await images.objects[key])
        #expect(stored.bytes == Self.png)
        #expect(stored.contentType == "image/png")
        #expect(stored.metadata["food-id"] == Self.chicken.id)
        #expect(stored.metadata["model-id"] == "amazon.titan-image-generator-v2:0")
        #expect(stored.metadata["prompt-sha256"] == summary.promptSHA256)
        #expect(stored.metadata["prompt-sha256"]?.count == 64)
        #expect(await catalog.items[Self.chicken.id]?.image == key)
        #expect(await catalog.updatedAt[Self.chicken.id] != nil)
        let prompt = try #require(await model.prompts.first)
        #expect(prompt.contains("Raw Chicken Bites"))
        #expect(prompt.contains("wet puppy food"))
        #expect(prompt.contains("Made with "))
    }

    @Test func seedDataUsesItsDescriptionAsThePrompt() async throws {
        let model = RecordingModel(answer: [0xFF, 0xD8, 0xFF, 0xE0])
        let images = InMemoryFoodImageStore()
        let summary = try await ImageGeneratorHandler(catalog: InMemoryFoodCatalog([Self.salmon]), images: images,
                                                      model: model)
            .invoke(fixture: "ImageGenerator/food-item-created-seed.json")
        #expect(await model.prompts == ["A delectable mix of salmon and tuna, perfect for kittens."])
        #expect(summary.contentType == "image/jpeg")
        #expect(await images.objects["images/petfood/salmon-and-tuna-delight.jpg"]?.contentType == "image/jpeg")
    }

    @Test func anExistingPictureCostsNoModelCallButTheItemIsPointedAtIt() async throws {
        let key = "images/petfood/raw-chicken-bites.jpg"
        let catalog = InMemoryFoodCatalog([Self.chicken])
        let model = RecordingModel(answer: Self.png)
        let summary = try await ImageGeneratorHandler(catalog: catalog, images: InMemoryFoodImageStore(keys: [key]),
                                                      model: model)
            .invoke(fixture: "ImageGenerator/food-item-created.json")
        #expect(summary.status == .existing)
        #expect(await model.prompts.isEmpty)
        #expect(await catalog.items[Self.chicken.id]?.image == key)
    }

    @Test func anItemAlreadyPointingAtTheExistingPictureIsNotRewritten() async throws {
        let key = "images/petfood/raw-chicken-bites.jpg"
        var chicken = Self.chicken
        chicken.image = key
        let catalog = InMemoryFoodCatalog([chicken])
        _ = try await ImageGeneratorHandler(catalog: catalog, images: InMemoryFoodImageStore(keys: [key]),
                                            model: RecordingModel(answer: Self.png))
            .invoke(fixture: "ImageGenerator/food-item-created.json")
        #expect(await catalog.updatedAt.isEmpty)
    }

    @Test func anUnknownFoodIsAnErrorBeforeAnyModelCall() async throws {
        let model = RecordingModel(answer: Self.png)
        await #expect(throws: FoodNotFound(foodID: Self.chicken.id)) {
            try await ImageGeneratorHandler(catalog: InMemoryFoodCatalog(), images: InMemoryFoodImageStore(), model: model)
                .invoke(fixture: "ImageGenerator/food-item-created.json")
        }
        #expect(await model.prompts.isEmpty)
    }

    @Test func bytesThatAreNoImageAreAnErrorAndNothingIsStored() async throws {
        let catalog = InMemoryFoodCatalog([Self.chicken])
        let images = InMemoryFoodImageStore()
        await #expect(throws: UnrecognizedImage.self) {
            try await ImageGeneratorHandler(catalog: catalog, images: images, model: RecordingModel(answer: Array("{}".utf8)))
                .invoke(fixture: "ImageGenerator/food-item-created.json")
        }
        #expect(await images.objects.isEmpty)
        #expect(await catalog.items[Self.chicken.id] == Self.chicken)
    }

    @Test func ingredientsAsAStringAreSplit() throws {
        let event = try Fixtures.decode(PetfoodEvent<FoodItemChanged>.self, "ImageGenerator/food-item-updated-ingredients-string.json")
        guard case .handled(let event) = event else { Issue.record("not handled"); return }
        #expect(event.detail.ingredients == ["chicken", "salmon oil", "rice"])
    }

    @Test(arguments: [
        ("Beef and Turkey Kibbles", "beef-and-turkey-kibbles"),
        ("  Chicken & Rice -- Formula!  ", "chicken-rice-formula"),
        ("Crème Brûlée Bites 2", "cr-me-br-l-e-bites-2"),
    ])
    func slugs(name: String, slug: String) {
        #expect(FoodItemChanged.slug(name) == slug)
    }

    @Test func promptsAreCutToTitansLimitOnAWordBoundary() {
        let long = Array(repeating: "crunchy", count: 100).joined(separator: " ")
        let fitted = ImagePrompt.fitted(long)
        #expect(fitted.count <= ImagePrompt.maxLength)
        #expect(fitted.count > ImagePrompt.maxLength - "crunchy ".count)
        #expect(fitted.hasSuffix("crunchy"))
        #expect(ImagePrompt.fitted("short prompt.") == "short prompt.")
    }

    @Test func imageFormatIsToldByMagicBytes() throws {
        #expect(try ImageFormat(of: Self.png) == .png)
        #expect(try ImageFormat(of: [0xFF, 0xD8, 0xFF, 0xDB]) == .jpeg)
        #expect(throws: UnrecognizedImage(byteCount: 2, head: [0x7B, 0x7D])) { try ImageFormat(of: [0x7B, 0x7D]) }
    }

    @Test func otherEventKindsAreIgnored() async throws {
        let model = RecordingModel(answer: Self.png)
        let summary = try await ImageGeneratorHandler(catalog: InMemoryFoodCatalog(), images: InMemoryFoodImageStore(),
                                                      model: model)
            .invoke(fixture: "ImageGenerator/stock-purchased.json")
        #expect(summary == ImageSummary(status: .ignored))
        #expect(await model.prompts.isEmpty)
    }
}
