@testable import Cleanup
import LambdaEvents
import LambdaTesting
import PetDomain
import PetDomainTesting
import Testing

struct CleanupHandlerTests {
    static let treats = FoodItem(id: "F3e40f637", name: "Puppy Training Treats",
                                 image: "images/petfood/puppy-training-treats.jpg")
    static let hay = FoodItem(id: "F57580f2e", name: "Timothy Hay Pellets", image: "images/petfood/timothy-hay-pellets.jpg")

    @Test func deletesThePictureThenTheItem() async throws {
        let catalog = InMemoryFoodCatalog([Self.treats, Self.hay])
        let images = InMemoryFoodImageStore(keys: [Self.treats.image!, Self.hay.image!])
        let handler = CleanupHandler(catalog: catalog, images: images)
        let summary = try await handler.invoke(fixture: "Cleanup/item-discontinued.json")
        #expect(summary == CleanupSummary(status: .cleaned, foodID: Self.treats.id, imageKey: Self.treats.image,
                                          image: .deleted, item: .deleted))
        #expect(await images.objects.keys.sorted() == [Self.hay.image!])
        #expect(await catalog.items.keys.sorted() == [Self.hay.id])
    }

    @Test func aSecondDeliverySucceedsAndFindsBothGone() async throws {
        let catalog = InMemoryFoodCatalog([Self.treats])
        let images = InMemoryFoodImageStore(keys: [Self.treats.image!])
        let handler = CleanupHandler(catalog: catalog, images: images)
        _ = try await handler.invoke(fixture: "Cleanup/item-discontinued.json")
        let again = try await handler.invoke(fixture: "Cleanup/item-discontinued.json")
        #expect(again == CleanupSummary(status: .cleaned, foodID: Self.treats.id, imageKey: Self.treats.image,
                                        image: .absent, item: .absent))
        #expect(await images.deletions == [Self.treats.image!])
    }

    @Test func withoutImagePathThePictureTheItemPointsAtIsDeleted() async throws {
        let catalog = InMemoryFoodCatalog([Self.hay])
        let images = InMemoryFoodImageStore(keys: [Self.hay.image!])
        let summary = try await CleanupHandler(catalog: catalog, images: images)
            .invoke(fixture: "Cleanup/item-discontinued-no-image-path.json")
        #expect(summary.image == .deleted)
        #expect(summary.imageKey == Self.hay.image)
        #expect(await images.objects.isEmpty)
        #expect(await catalog.items.isEmpty)
    }

    @Test func withNoPictureAnywhereOnlyTheItemIsDeleted() async throws {
        let catalog = InMemoryFoodCatalog([FoodItem(id: Self.hay.id, name: Self.hay.name)])
        let images = InMemoryFoodImageStore()
        let summary = try await CleanupHandler(catalog: catalog, images: images)
            .invoke(fixture: "Cleanup/item-discontinued-no-image-path.json")
        #expect(summary == CleanupSummary(status: .cleaned, foodID: Self.hay.id, imageKey: nil, image: .unknown,
                                          item: .deleted))
        #expect(await images.deletions.isEmpty)
    }

    /// The role may delete only under images/petfood/ (template.yaml); a key elsewhere is left alone, logged,
    /// and the event still succeeds with its item removed, rather than failing on AccessDenied.
    @Test(arguments: ["s3://petfood-images/orders/invoice.pdf", "images/petfood/", "images/petfoods/a.jpg",
                      "https://d1234.cloudfront.net/index.html"])
    func aPictureOutsideTheFoodImagesIsRefusedAndTheItemStillRemoved(imagePath: String) async throws {
        let catalog = InMemoryFoodCatalog([Self.treats])
        let outside = try #require(ItemDiscontinued.key(fromImagePath: imagePath))
        let images = InMemoryFoodImageStore(keys: [outside, Self.treats.image!])
        let event = try Fixtures.decode(JSONValue.self, "Cleanup/item-discontinued.json")
            .setting("detail.metadata", to: ["image_path": .string(imagePath)])
        let logs = LogCapture()
        let summary = try await CleanupHandler(catalog: catalog, images: images)
            .invoke(bytes: try LambdaPayload.encode(event), context: .test(logger: logs.logger()))
        #expect(summary == CleanupSummary(status: .cleaned, foodID: Self.treats.id, imageKey: outside,
                                          image: .refused, item: .deleted))
        #expect(await images.deletions.isEmpty)
        #expect(await catalog.items.isEmpty)
        #expect(logs.records.contains { $0.level == .warning && $0.metadata["image_key"] == outside })
    }

    @Test(arguments: [
        ("images/petfood/a.jpg", "images/petfood/a.jpg"),
        ("/images/petfood/a.jpg", "images/petfood/a.jpg"),
        ("s3://petfood-images/images/petfood/a.jpg", "images/petfood/a.jpg"),
        ("https://d1234.cloudfront.net/images/petfood/a.jpg", "images/petfood/a.jpg"),
        ("s3://petfood-images", nil),
    ])
    func imagePathsBecomeKeys(path: String, key: String?) {
        #expect(ItemDiscontinued.key(fromImagePath: path) == key)
    }

    @Test func otherEventKindsAreIgnored() async throws {
        let catalog = InMemoryFoodCatalog([Self.treats])
        let summary = try await CleanupHandler(catalog: catalog, images: InMemoryFoodImageStore())
            .invoke(fixture: "ImageGenerator/food-item-created.json")
        #expect(summary == CleanupSummary(status: .ignored))
        #expect(await catalog.items.count == 1)
    }
}
