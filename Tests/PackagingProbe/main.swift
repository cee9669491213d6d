import LambdaRuntime

/// A test-only function, packaged exactly like the real ones, that `scripts/test-bare-root` runs in an
/// empty root directory to prove a static `bootstrap` can resolve host names and talk verified TLS there.
///
/// Event: `{"resolve": "name"}` answers the addresses glibc's `getaddrinfo` returns (the resolver
/// SwiftNIO and postgres-nio use); `{"fetch": "https://..."}` answers what a GET with the functions'
/// `HTTPClient` got.
struct ProbeRequest: Decodable, Sendable {
    var resolve: String?
    var fetch: String?
}

struct PackagingProbe: LambdaHandler {
    func handle(_ event: ProbeRequest, context: LambdaContext) async throws -> ProbeResult {
        if let name = event.resolve { return resolve(name) }
        if let url = event.fetch { return await fetch(url) }
        throw ProbeRequestError()
    }
}

struct ProbeRequestError: Error, CustomStringConvertible {
    var description: String { #"the event names neither "resolve" nor "fetch""# }
}

Lambda.run { _ in PackagingProbe() }
