import LambdaJSON
import LambdaEvents
import PetDomain

/// The detail of a `StockPurchased` event from `petfood.service`: an order whose items leave the stock.
///
/// The service sends prices as strings (`"12.99"`); numbers are accepted too, and so is a quantity sent
/// as a string. A quantity that is not a whole number of at least 1 makes the event invalid.
struct StockPurchased: PetfoodEventDetail, Equatable {
    static let handledKinds: Set<String> = ["StockPurchased"]

    var orderID: String
    var userID: String?
    var items: [PurchasedItem]
    var totalAmount: JSONNumber?
    var metadata: [String: JSONValue]?
    var spanContext: JSONValue?

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id", userID = "user_id", items, totalAmount = "total_amount", metadata
        case spanContext = "span_context"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        orderID = try container.decode(String.self, forKey: .orderID)
        guard !orderID.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .orderID, in: container, debugDescription: "order_id is empty")
        }
        userID = try container.decodeIfPresent(String.self, forKey: .userID)
        items = try container.decode([PurchasedItem].self, forKey: .items)
        totalAmount = try container.decodeLenientNumber(forKey: .totalAmount)
        metadata = try container.decodeIfPresent([String: JSONValue].self, forKey: .metadata)
        spanContext = try container.decodeIfPresent(JSONValue.self, forKey: .spanContext)
    }
}

struct PurchasedItem: Decodable, Equatable {
    var foodID: String
    var foodName: String?
    var quantity: Int
    var unitPrice: JSONNumber?
    var totalPrice: JSONNumber?

    enum CodingKeys: String, CodingKey {
        case foodID = "food_id", foodName = "food_name", quantity, unitPrice = "unit_price", totalPrice = "total_price"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        foodID = try container.decode(String.self, forKey: .foodID)
        foodName = try container.decodeIfPresent(String.self, forKey: .foodName)
        let quantity = try container.decodeLenientNumber(forKey: .quantity)
        guard let whole = quantity.flatMap(\.wholeValue), whole >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .quantity, in: container,
                debugDescription: "quantity of \(foodID) must be a whole number of at least 1")
        }
        self.quantity = whole
        unitPrice = try container.decodeLenientNumber(forKey: .unitPrice)
        totalPrice = try container.decodeLenientNumber(forKey: .totalPrice)
    }
}

extension KeyedDecodingContainer {
    /// A number sent either as a JSON number or as a string holding one (`"12.99"`), with its exact
    /// digits; nil when absent or null.
    func decodeLenientNumber(forKey key: Key) throws -> JSONNumber? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key) {
            guard let value = JSONNumber(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "\(key.stringValue) \"\(text)\" is not a number")
            }
            return value
        }
        return try decode(JSONNumber.self, forKey: key)
    }
}

extension JSONNumber {
    /// The number as an `Int` when it is a whole one (`3`, `3.0`, `3e0`), nil otherwise.
    var wholeValue: Int? {
        if let exact = Int(text) { return exact }
        // Beyond 2^53 a Double is not exact; no quantity is that large.
        guard let value = Double(text), value.rounded() == value, abs(value) < 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }
}
