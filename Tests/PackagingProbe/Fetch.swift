import CCurl

/// GETs `url` with libcurl's defaults for verification (peer and host name checked against the CA
/// bundle compiled into the static libcurl, Lambda's `/etc/pki/tls/certs/ca-bundle.crt`).
func fetch(_ url: String) -> ProbeResult {
    guard let handle = curl_easy_init() else { return ProbeResult(error: "curl_easy_init failed") }
    defer { curl_easy_cleanup(handle) }

    let body = ResponseBody()
    _ = ccurl_setopt_ptr(handle, CURLOPT_URL, url)
    _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
    _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, 10_000)
    _ = ccurl_setopt_write(handle, appendToBody)
    _ = ccurl_setopt_ptr(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(body).toOpaque())

    let code = curl_easy_perform(handle)
    guard code == CURLE_OK else {
        return ProbeResult(curlCode: Int(code.rawValue), error: String(cString: curl_easy_strerror(code)))
    }
    var status = 0
    _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    return ProbeResult(status: status, body: String(decoding: body.bytes, as: UTF8.self))
}

/// Collects the bytes libcurl's write callback hands over; lives for one synchronous transfer.
private final class ResponseBody {
    var bytes: [UInt8] = []
}

private func appendToBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?
) -> Int {
    let body = Unmanaged<ResponseBody>.fromOpaque(user!).takeUnretainedValue()
    body.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}
