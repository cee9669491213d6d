import LambdaSystem
/// The text Titan draws from, within Titan's 512-character limit.
struct ImagePrompt: Equatable {
    static let maxLength = 512
    /// What a product photo must not show.
    static let negativeText = "blurry, distorted, low quality, text, watermark, logo, people, hands"

    let text: String

    init(for food: FoodItemChanged) {
        if food.isSeedData, let description = food.description, !description.isEmpty {
            text = Self.fitted(description)
            return
        }
        var parts = ["Professional product photograph of \(food.foodName)"]
        let kind = [food.foodType, food.petType.map { "\($0) food" }].compactMap { $0 }.joined(separator: " ")
        if !kind.isEmpty { parts[0] += ", \(kind)" }
        if let description = food.description, !description.isEmpty { parts.append(description) }
        if !food.ingredients.isEmpty { parts.append("Made with \(food.ingredients.joined(separator: ", "))") }
        parts.append("Pet food bowl on a clean background, soft studio lighting, appetizing, high detail")
        text = Self.fitted(parts.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " "))
    }

    /// `text` cut to the limit at the last word boundary before it.
    static func fitted(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.count > maxLength else { return trimmed }
        let head = trimmed.prefix(maxLength + 1)
        let cut = head.lastIndex(where: \.isWhitespace).map { head[..<$0] } ?? head.prefix(maxLength)
        // A cut mid-sentence must not leave a dangling comma or space at either end.
        let isLoose = { (character: Character) in character.isWhitespace || character.isPunctuation }
        return String(cut.drop(while: isLoose).reversed().drop(while: isLoose).reversed())
    }
}
