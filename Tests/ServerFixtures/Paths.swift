import Foundation

public enum Paths {
    /// The package root (this file is `<root>/Tests/ServerFixtures/Paths.swift`).
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Shared test data and tools: `$SHARED_DIR`, else `<root>/../shared`.
    public static let sharedDirectory: String = {
        if let shared = ProcessInfo.processInfo.environment["SHARED_DIR"], !shared.isEmpty { return shared }
        return URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path
    }()
}

extension Paths {
    /// The moto virtualenv's Python (it has botocore), installed by `scripts/install/moto.sh`.
    public static let toolsPython = repositoryRoot + "/.tools/moto/bin/python"
}
