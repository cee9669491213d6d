#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// SAM's `--env-vars` file: `{"Parameters": {...}, "<Function>": {...}}`. `Parameters` apply to every
/// function, a function's own object wins over them. Unlike SAM, every variable given is set, declared in
/// a template or not. A function's object may also be keyed by its template logical id (`<Function>Function`).
public struct EnvironmentVariablesFile: Sendable {
    private let sections: [String: [String: String]]

    public init(json: [UInt8]) throws {
        let decoded = try JSONDecoder().decode([String: [String: Scalar?]].self, from: Data(json))
        sections = decoded.mapValues { $0.compactMapValues { $0?.text } }
    }

    public func variables(for function: String) -> [String: String] {
        let own = sections[function] ?? sections[function + "Function"] ?? [:]
        return (sections["Parameters"] ?? [:]).merging(own) { _, own in own }
    }

    /// Values may be written as JSON strings, numbers or booleans; the environment gets their text.
    private struct Scalar: Decodable {
        let text: String

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let string = try? value.decode(String.self) { text = string }
            else if let integer = try? value.decode(Int64.self) { text = String(integer) }
            else if let number = try? value.decode(Double.self) { text = String(number) }
            else { text = String(try value.decode(Bool.self)) }
        }
    }
}
