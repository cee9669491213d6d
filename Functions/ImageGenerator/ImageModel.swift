/// A text-to-image model.
protocol ImageModel: Sendable {
    /// Recorded with every picture it made.
    var modelID: String { get }

    /// One picture, as the encoded bytes of an image file.
    func generateImage(prompt: String, negativePrompt: String) async throws -> [UInt8]
}

/// The kind of image file some bytes are, told by their first bytes rather than by what the model claims.
enum ImageFormat: String, Equatable {
    case png = "image/png"
    case jpeg = "image/jpeg"

    var contentType: String { rawValue }

    init(of bytes: [UInt8]) throws(UnrecognizedImage) {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else {
            throw UnrecognizedImage(byteCount: bytes.count, head: Array(bytes.prefix(8)))
        }
    }
}

struct UnrecognizedImage: Error, Equatable, CustomStringConvertible {
    var byteCount: Int
    var head: [UInt8]

    var description: String {
        let hex = head.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        return "the model returned \(byteCount) bytes that are neither PNG nor JPEG (they start \(hex))"
    }
}
