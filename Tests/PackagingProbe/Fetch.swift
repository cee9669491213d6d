import HTTPClient

/// GETs `url` with the project's HTTP client, as the functions make their calls: TLS peers verified
/// against the CA bundle it finds (on Lambda, and in the bare root, `/etc/pki/tls/certs/ca-bundle.crt`).
func fetch(_ url: String) async -> ProbeResult {
    do {
        let response = try await HTTPClient.shared.request(HTTPRequest(url: url, timeout: .seconds(10)))
        return ProbeResult(status: response.status, body: String(decoding: response.body, as: UTF8.self))
    } catch let error as HTTPClientError {
        return ProbeResult(curlCode: error.curlCode, error: error.description)
    } catch {
        return ProbeResult(error: "\(error)")
    }
}
