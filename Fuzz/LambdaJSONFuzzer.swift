// libFuzzer's entry point for LambdaJSON and the event decoders. `scripts/fuzz` builds it with
// `swiftc -sanitize=fuzzer,address` together with those two modules' sources, so a crash, a hang or a memory
// error is found, and so is a broken invariant below: each one traps with a message naming it.
//
// A fuzzing tool, not a bootstrap: it uses Foundation, as a second opinion on what is valid JSON.
import Foundation
import LambdaEvents
import LambdaJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    checkAnyValue(input)
    checkEvent(SQSEvent.self, input) { event in
        for record in event.records { _ = try? record.decodeBody(as: JSONValue.self) }
    }
    checkEvent(EventBridgeEvent<JSONValue>.self, input)
    checkEvent(APIGatewayProxyRequest.self, input) { request in _ = try? request.decodeBody(as: JSONValue.self) }
    checkEvent(APIGatewayV2Request.self, input) { request in _ = try? request.decodeBody(as: JSONValue.self) }
    checkEvent(CloudFormationCustomResourceRequest<[String: JSONValue]>.self, input)
    return 0
}

/// Any JSON value: accepted only if Foundation accepts it too, and stable through encode and decode.
private func checkAnyValue(_ input: [UInt8]) {
    guard let value = try? LambdaJSONDecoder().decode(JSONValue.self, from: input) else { return }
    // LambdaJSON is the stricter of the two (it refuses a trailing comma, invalid UTF-8 in any string), so what
    // it accepts, Foundation must.
    if (try? JSONSerialization.jsonObject(with: Data(input), options: .fragmentsAllowed)) == nil {
        fatalError("LambdaJSON accepts what JSONSerialization refuses: \(printable(input))")
    }
    checkRoundTrip(value, input)
}

/// An event type: if the input decodes as one, what it encodes to decodes to the same event.
private func checkEvent<Event: Codable & Equatable>(
    _ type: Event.Type, _ input: [UInt8], also use: (Event) -> Void = { _ in }
) {
    guard let event = try? LambdaJSONDecoder().decode(type, from: input) else { return }
    use(event)
    checkRoundTrip(event, input)
}

private func checkRoundTrip<Value: Codable & Equatable>(_ value: Value, _ input: [UInt8]) {
    let encoded: [UInt8]
    do {
        encoded = try LambdaJSONEncoder().encode(value)
    } catch {
        fatalError("\(Value.self) decoded but does not encode (\(error)): \(printable(input))")
    }
    do {
        let decodedAgain = try LambdaJSONDecoder().decode(Value.self, from: encoded)
        guard decodedAgain == value else {
            fatalError("\(Value.self) changed through encode and decode: \(printable(input)) -> \(printable(encoded))")
        }
    } catch {
        fatalError("\(Value.self) encodes to what it cannot decode (\(error)): \(printable(encoded))")
    }
}

private func printable(_ bytes: [UInt8]) -> String {
    String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription
}
