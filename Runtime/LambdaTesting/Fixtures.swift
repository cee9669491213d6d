#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Event fixtures: files under the package's `events/` folder, found from the calling test's source path,
/// so tests run the same from any working directory.
///
///     let event = try Fixtures.decode(SQSEvent.self, "samples/sqs-fifo-batch.json")
public enum Fixtures {
    /// The bytes of `events/<path>`.
    public static func bytes(_ path: String, filePath: String = #filePath) throws -> [UInt8] {
        let file = try packageRoot(from: filePath).appending(path: "events").appending(path: path)
        do {
            return Array(try Data(contentsOf: file))
        } catch {
            throw FixtureError.unreadable(file.path, underlying: "\(error)")
        }
    }

    /// `events/<path>` decoded as JSON into `T`, with the runtime's decoder.
    public static func decode<T: Decodable>(_ type: T.Type = T.self, _ path: String, filePath: String = #filePath)
        throws -> T
    {
        try LambdaPayload.decode(T.self, from: bytes(path, filePath: filePath))
    }

    /// The nearest folder above `filePath` that holds a `Package.swift`.
    public static func packageRoot(from filePath: String = #filePath) throws -> URL {
        var folder = URL(filePath: filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appending(path: "Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        throw FixtureError.noPackageRoot(from: filePath)
    }
}

public enum FixtureError: Error, Equatable, CustomStringConvertible {
    case noPackageRoot(from: String)
    case unreadable(String, underlying: String)

    public var description: String {
        switch self {
        case .noPackageRoot(let start): "no Package.swift in any folder above \(start)"
        case .unreadable(let path, let underlying): "cannot read fixture \(path): \(underlying)"
        }
    }
}
