#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A failed invocation as the caller receives it: a type and the error JSON.
struct FunctionError: Sendable {
    let type: String
    let payload: [UInt8]

    /// The runtime's own report from `/error` or `/init/error`: its body goes to the caller unchanged.
    init(reportedType: String?, body: [UInt8]) {
        type = Self.normalised(reportedType)
        payload = body.isEmpty ? Self.json(message: "", type: type) : body
    }

    /// An error the emulator itself raises (timeout, exit, oversized response).
    init(type: String, message: String) {
        self.type = type
        payload = Self.json(message: message, type: type)
    }

    /// The RIE's rule: a type that is not `Runtime.Xyz` or `Function.Xyz` becomes `Runtime.Unknown`
    /// (`Function.Unknown` when it at least starts with `Function.`).
    static func normalised(_ type: String?) -> String {
        guard let type else { return "Runtime.Unknown" }
        for category in ["Runtime.", "Function."] where type.hasPrefix(category) {
            let reason = type.utf8.dropFirst(category.utf8.count)
            let isValid = reason.count >= 2
                && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(reason.first!)
                && reason.allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
            return isValid ? type : category + "Unknown"
        }
        return "Runtime.Unknown"
    }

    private struct Body: Encodable {
        let errorMessage: String
        let errorType: String
    }

    static func json(message: String, type: String) -> [UInt8] {
        let data = (try? JSONEncoder().encode(Body(errorMessage: message, errorType: type))) ?? Data()
        return [UInt8](data)
    }
}
