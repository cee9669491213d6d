// Foundation itself: JSONSerialization, the one strict JSON parser at hand, is not in FoundationEssentials.
import Foundation

/// Why `payload` is not JSON, in the words Lambda's own message continues with; nil when it is JSON.
/// An empty payload is no JSON either, but Lambda accepts it (the CLI sends one when `--payload` is left
/// out) and the function gets `{}`.
func invalidJSONReason(_ payload: [UInt8]) -> String? {
    guard !payload.isEmpty else { return nil }
    do {
        _ = try JSONSerialization.jsonObject(with: Data(payload), options: [.fragmentsAllowed])
        return nil
    } catch {
        let error = error as NSError
        let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        return "Could not parse payload into json: \(detail)"
    }
}
