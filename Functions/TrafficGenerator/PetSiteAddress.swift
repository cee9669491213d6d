/// The pet site's base URL, read from the parameter on first use and kept for the life of the process.
///
/// First use rather than init: a parameter store hiccup then fails one invocation, not the whole
/// environment, and the next invocation tries again.
actor PetSiteAddress {
    private let store: any ParameterStore
    let parameterName: String
    private var cached: String?

    init(store: any ParameterStore, parameterName: String) {
        self.store = store
        self.parameterName = parameterName
    }

    func baseURL() async throws -> String {
        if let cached { return cached }
        let value = try await store.value(ofParameter: parameterName)
        guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
            throw TrafficGeneratorError.invalidSiteURL(parameter: parameterName, value: value)
        }
        var url = value
        while url.hasSuffix("/") { url.removeLast() }
        cached = url
        return url
    }
}
