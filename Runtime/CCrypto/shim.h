#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H

// SHA-256 and HMAC-SHA256 from OpenSSL's libcrypto: every bootstrap links it already, for curl's TLS,
// so SigV4 needs no second crypto library.
#include <openssl/evp.h>
#include <string.h>

/// SHA-256 of `count` bytes into `out` (32 bytes); 1 on success. `sha256` comes from
/// `EVP_MD_fetch(NULL, "SHA256", NULL)`, fetched once: a fetch per call costs more than short input.
static inline int ccrypto_sha256(const EVP_MD *sha256, const void *data, size_t count, unsigned char *out) {
    return EVP_Digest(data, count, out, NULL, sha256, NULL);
}

/// HMAC-SHA256 (RFC 2104) of `count` bytes under `key`, into `out` (32 bytes); 1 on success. Two
/// digests over padded keys: OpenSSL's own HMAC() looks the algorithms up again on every call.
static inline int ccrypto_hmac_sha256(const EVP_MD *sha256, const void *key, size_t keyLength,
                                      const void *data, size_t count, unsigned char *out) {
    unsigned char block[64] = {0};
    if (keyLength > sizeof block) {
        if (!EVP_Digest(key, keyLength, block, NULL, sha256, NULL)) return 0;
    } else if (keyLength > 0) {
        memcpy(block, key, keyLength);
    }
    unsigned char pad[64], inner[32];
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (!context) return 0;
    for (size_t i = 0; i < sizeof pad; i++) pad[i] = block[i] ^ 0x36;
    int ok = EVP_DigestInit_ex2(context, sha256, NULL) && EVP_DigestUpdate(context, pad, sizeof pad) &&
             EVP_DigestUpdate(context, data, count) && EVP_DigestFinal_ex(context, inner, NULL);
    for (size_t i = 0; i < sizeof pad; i++) pad[i] = block[i] ^ 0x5c;
    ok = ok && EVP_DigestInit_ex2(context, sha256, NULL) && EVP_DigestUpdate(context, pad, sizeof pad) &&
         EVP_DigestUpdate(context, inner, sizeof inner) && EVP_DigestFinal_ex(context, out, NULL);
    EVP_MD_CTX_free(context);
    return ok;
}

#endif
