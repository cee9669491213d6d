#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import LocalLambda

/// The settings `invoke` and `serve` share: how a function is configured and where its executable comes from.
struct FunctionOptions: ParsableArguments {
    @Option(help: "Environment variables in SAM's format: {\"<Function>\": {...}, \"Parameters\": {...}}.")
    var envVars: String?

    @Option(help: "The function timeout in seconds.")
    var timeout = 3

    @Option(help: "The function memory size in MB (AWS_LAMBDA_FUNCTION_MEMORY_SIZE).")
    var memory = 128

    @Option(help: "Text or JSON (AWS_LAMBDA_LOG_FORMAT).")
    var logFormat: String?

    @Option(help: "The region the function runs in (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1).")
    var region: String?

    @Option(help: "The build configuration of the executables swift build makes: debug or release.")
    var configuration = "debug"

    @Option(help: "The Swift package holding the functions (default: the nearest Package.swift upwards).")
    var packagePath: String?

    @Flag(help: "Run the executables already in .build/<configuration>/ instead of running swift build first.")
    var skipBuild = false

    func validate() throws {
        guard (1...900).contains(timeout) else { throw ValidationError("--timeout must be 1…900 seconds") }
        guard (128...10240).contains(memory) else { throw ValidationError("--memory must be 128…10240 MB") }
        guard ["debug", "release"].contains(configuration) else {
            throw ValidationError("--configuration must be debug or release")
        }
        if let logFormat, !["Text", "JSON"].contains(logFormat) {
            throw ValidationError("--log-format must be Text or JSON")
        }
    }

    /// Builds the named functions (unless `executable` is given) and describes them to the emulator.
    func functions(_ names: [String], executable: String? = nil) async throws -> [FunctionConfiguration] {
        let file = try envVars.map { try EnvironmentVariablesFile(json: readFile($0)) }
        let environment = ProcessInfo.processInfo.environment
        let region = region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
        var functions: [FunctionConfiguration] = []
        for name in names {
            let path: String
            if let executable {
                path = absolutePath(executable)
            } else {
                let builder = FunctionBuilder(packagePath: packagePath, configuration: configuration)
                path = skipBuild ? try builder.executable(of: name) : try await builder.build(name)
            }
            functions.append(FunctionConfiguration(
                name: name, executable: path, variables: file?.variables(for: name) ?? [:],
                timeoutSeconds: timeout, memoryMB: memory, region: region, logFormat: logFormat))
        }
        return functions
    }
}

/// `-` reads standard input.
func readFile(_ path: String) throws -> [UInt8] {
    if path == "-" { return readAll(from: 0) }
    do {
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
        throw ValidationError("cannot read \(path): \(error.localizedDescription)")
    }
}

func absolutePath(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}
