#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import LocalLambda

/// Builds a function's executable with `swift build --product <Function>` (its output goes to stderr:
/// stdout carries only the function's response) and says where it is.
struct FunctionBuilder {
    let packagePath: String?
    let configuration: String

    func build(_ function: String) async throws -> String {
        let root = try packageRoot()
        let arguments = ["build", "--package-path", root, "--product", function, "-c", configuration]
        let exit = try await run(executable: "/usr/bin/env", arguments: ["swift"] + arguments)
        guard exit == .exited(code: 0) else {
            throw ValidationError("swift \(arguments.joined(separator: " ")) failed (\(exit))")
        }
        return try executable(of: function)
    }

    /// Where `swift build` puts the function's executable.
    func executable(of function: String) throws -> String {
        "\(try packageRoot())/.build/\(configuration)/\(function)"
    }

    private func packageRoot() throws -> String {
        if let packagePath { return absolutePath(packagePath) }
        var directory = FileManager.default.currentDirectoryPath
        while true {
            if FileManager.default.fileExists(atPath: directory + "/Package.swift") { return directory }
            guard let slash = directory.lastIndex(of: "/"), directory != "/" else {
                throw ValidationError("no Package.swift here or above; use --package-path or --executable")
            }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    private func run(executable: String, arguments: [String]) async throws -> ProcessExit {
        let (exits, continuation) = AsyncStream<ProcessExit>.makeStream()
        _ = try ChildProcess.spawn(
            executable: executable, arguments: arguments, environment: ProcessInfo.processInfo.environment,
            output: .standardError) { exit in
                continuation.yield(exit)
                continuation.finish()
            }
        for await exit in exits { return exit }
        return .exited(code: -1)
    }
}

/// Everything readable from `fd` until end of file.
func readAll(from fd: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = read(fd, &chunk, chunk.count)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return bytes }
        bytes += chunk[..<count]
    }
}
