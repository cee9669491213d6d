import Testing

@testable import AWSClients

/// SHA-256 (FIPS 180-4 examples) and HMAC-SHA256 (RFC 4231 test cases) on OpenSSL's libcrypto. The
/// SigV4 suite covers the signing path; these cover the edges it never reaches, such as a key longer
/// than SHA-256's 64-byte block, which HMAC hashes first.
@Suite struct SHA256Tests {
    @Test func digestsOfTheStandardExamples() {
        #expect(SHA256.hexHash("".utf8) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexHash("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexHash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func contiguousAndNonContiguousInputHashAlike() {
        let text = String(repeating: "pet food ", count: 1000)
        #expect(SHA256.hash(Array(text.utf8)) == SHA256.hash(text.utf8.lazy.map { $0 }))
    }

    @Test(arguments: [
        // RFC 4231 test case 1: a 20-byte key.
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        // Test case 2: a key shorter than the output.
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        // Test case 6: a 131-byte key, longer than the block, so hashed first.
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func authenticationCodesOfRFC4231(key: [UInt8], message: [UInt8], expected: String) {
        #expect(SHA256.hex(SHA256.authenticationCode(for: message, key: key)) == expected)
    }

    @Test func anEmptyKeyAndMessageAreValidInput() {
        // HMAC-SHA256("", ""), as Python's hmac module computes it.
        #expect(SHA256.hex(SHA256.authenticationCode(for: [UInt8](), key: [UInt8]()))
            == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }
}
