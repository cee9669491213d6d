#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves `name` with `getaddrinfo`, the call SwiftNIO's resolver makes.
func resolve(_ name: String) -> ProbeResult {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(name, nil, &hints, &list)
    guard status == 0 else {
        return ProbeResult(error: "getaddrinfo(\(name)): " + String(cString: gai_strerror(status)))
    }
    defer { freeaddrinfo(list) }

    var addresses: [String] = []
    var node = list
    while let info = node?.pointee {
        if let address = numericHost(info.ai_addr, length: info.ai_addrlen) { addresses.append(address) }
        node = info.ai_next
    }
    return ProbeResult(addresses: addresses)
}

private func numericHost(_ address: UnsafeMutablePointer<sockaddr>?, length: socklen_t) -> String? {
    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    guard getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else {
        return nil
    }
    return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
