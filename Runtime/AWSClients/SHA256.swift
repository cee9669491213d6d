import CCrypto

/// SHA-256 and HMAC-SHA256, for SigV4 and for content hashes (`x-amz-content-sha256`, say), on the
/// OpenSSL libcrypto that curl's TLS links anyway.
public enum SHA256 {
    /// The digest, fetched from OpenSSL's default provider once per process.
    nonisolated(unsafe) private static let digest: OpaquePointer = {
        guard let digest = EVP_MD_fetch(nil, "SHA256", nil) else { fatalError("OpenSSL has no SHA256") }
        return digest
    }()

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            guard ccrypto_sha256(digest, bytes.baseAddress, bytes.count, out.baseAddress) == 1 else {
                fatalError("OpenSSL SHA256 failed")
            }
            count = 32
        }
    }

    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        withRawBytes(bytes) { hash($0) }
    }

    /// The digest in lowercase hex, as SigV4 and content hashes spell it.
    public static func hexHash(_ bytes: some Sequence<UInt8>) -> String {
        hex(hash(bytes))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func authenticationCode(for message: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            guard ccrypto_hmac_sha256(digest, key.baseAddress, key.count, message.baseAddress, message.count,
                                      out.baseAddress) == 1 else {
                fatalError("OpenSSL HMAC-SHA256 failed")
            }
            count = 32
        }
    }

    public static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        withRawBytes(message) { message in withRawBytes(key) { authenticationCode(for: message, key: $0) } }
    }

    /// The bytes in place when they are contiguous (arrays, `Data`, native strings' UTF-8), else a copy.
    private static func withRawBytes<R>(_ bytes: some Sequence<UInt8>, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let result = bytes.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(bytes).withUnsafeBytes(body)
    }
}
