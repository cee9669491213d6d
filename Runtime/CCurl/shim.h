#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are C variadic macros/functions, which Swift cannot call.
// These typed wrappers are the whole bridge; everything else is plain libcurl.
static inline CURLcode ccurl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_ptr(CURL *h, CURLoption o, const void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_write(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f);
}
static inline CURLcode ccurl_setopt_header(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f);
}
static inline CURLcode ccurl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode ccurl_getinfo_ptr(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLMcode ccurl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }
static inline CURLMcode ccurl_multi_setopt_socketfunction(CURLM *m, int (*f)(CURL *, curl_socket_t, int, void *, void *), void *data) {
    CURLMcode code = curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, f);
    return code != CURLM_OK ? code : curl_multi_setopt(m, CURLMOPT_SOCKETDATA, data);
}
static inline CURLMcode ccurl_multi_setopt_timerfunction(CURLM *m, int (*f)(CURLM *, long, void *), void *data) {
    CURLMcode code = curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, f);
    return code != CURLM_OK ? code : curl_multi_setopt(m, CURLMOPT_TIMERDATA, data);
}
/// curl's global init, the one call both clients (the runtime loop's and HTTPClient) make before any other
/// curl call. curl keeps the flags of the first call and only counts the later ones, so they must agree:
/// one place. CURL_GLOBAL_DEFAULT is what HTTPClient's TLS would ask for; since curl 7.57 the SSL bit no
/// longer changes what init does (curl initializes its TLS library either way, OpenSSL 1.1+ sets itself
/// up at the first connection), so the runtime loop pays nothing extra for it. Not thread-safe: both
/// callers run it from init, before any thread of theirs exists.
static inline CURLcode ccurl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
/// The result of a finished transfer (a field of a C union, which Swift reads awkwardly).
static inline CURLcode ccurl_message_result(const CURLMsg *message) { return message->data.result; }
static inline CURLSHcode ccurl_share_setopt_long(CURLSH *s, CURLSHoption o, long v) { return curl_share_setopt(s, o, v); }

#endif
