import CCurl

/// A cookie jar shared by the requests that name it, like one browser profile.
///
/// Backed by libcurl's cookie engine through a share handle. All transfers run on the client's one event
/// thread, so the handle needs no locks. Use a session with one `HTTPClient`.
public final class HTTPCookieSession: @unchecked Sendable {
    let share: UnsafeMutableRawPointer

    public init() {
        share = curl_share_init()
        _ = ccurl_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_COOKIE.rawValue))
    }

    deinit {
        // Transfers retain their session, so by now no easy handle is attached.
        curl_share_cleanup(share)
    }
}
