#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LambdaJSON
import Testing

/// `Base64` replaces `Data(base64Encoded:)` and `base64EncodedString()`: checked against them.
@Suite struct Base64Tests {
    @Test func encodesAndDecodesLikeFoundation() {
        var random = SystemRandomNumberGenerator()
        for count in 0..<300 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = Base64.encode(bytes)
            #expect(text == Data(bytes).base64EncodedString(), "\(count) bytes")
            #expect(Base64.decode(text) == bytes, "\(count) bytes")
        }
    }

    @Test(arguments: ["A", "AB", "ABC", "A===", "====", "AB C", "QUJD\n", "QQ==QQ==", "Q Q=", "QUJ*", "AB=C"])
    func refusesWhatIsNotCanonicalPaddedBase64(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test func bytesTravelInJSONAsBase64() throws {
        struct Blob: Codable, Equatable {
            var bytes: [UInt8]
            enum CodingKeys: String, CodingKey { case bytes }
            init(bytes: [UInt8]) { self.bytes = bytes }
            init(from decoder: any Decoder) throws {
                bytes = try decoder.container(keyedBy: CodingKeys.self).decodeBase64(forKey: .bytes)
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeBase64(bytes, forKey: .bytes)
            }
        }
        let blob = Blob(bytes: [0, 1, 254, 255])
        let json = try LambdaJSONEncoder().encode(blob)
        #expect(String(decoding: json, as: UTF8.self) == #"{"bytes":"AAH+/w=="}"#)
        #expect(try LambdaJSONDecoder().decode(Blob.self, from: json) == blob)
        // What Foundation's coders write for `Data` reads back as the same bytes.
        let foundation = try JSONEncoder().encode(["bytes": Data([0, 1, 254, 255])])
        #expect(try LambdaJSONDecoder().decode(Blob.self, from: Array(foundation)) == blob)
        #expect(throws: DecodingError.self) {
            try LambdaJSONDecoder().decode(Blob.self, from: Array(#"{"bytes":"not base64"}"#.utf8))
        }
    }
}
