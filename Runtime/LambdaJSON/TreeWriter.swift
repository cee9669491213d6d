/// Writes an encoding tree out as JSON text, in one walk over its nodes, into memory sized for it.
struct TreeWriter {
    typealias Node = EncodingTree.Node

    let nodes: UnsafeBufferPointer<Node>
    let text: UnsafeBufferPointer<UInt8>
    let out: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    /// Above this many members, checking an object for repeated keys uses a set instead of comparing every pair.
    private static let pairwiseKeyCheckLimit = 32

    init(nodes: UnsafeBufferPointer<Node>, text: UnsafeBufferPointer<UInt8>, out: UnsafeMutableBufferPointer<UInt8>) {
        self.nodes = nodes
        self.text = text
        self.out = out
    }

    mutating func write(_ node: Int) {
        switch nodes[node].kind {
        case .empty:
            append(UInt8(ascii: "{"))
            append(UInt8(ascii: "}"))
        case .literal:
            append(bytes(nodes[node].literalStart, nodes[node].literalEnd))
        case .array:
            append(UInt8(ascii: "["))
            for element in children(of: node) {
                if element != nodes[node].firstChild { append(UInt8(ascii: ",")) }
                write(Int(element))
            }
            append(UInt8(ascii: "]"))
        case .object:
            append(UInt8(ascii: "{"))
            if hasRepeatedKeys(node) {
                writeMembersReplacingRepeats(of: node)
            } else {
                for member in children(of: node) {
                    if member != nodes[node].firstChild { append(UInt8(ascii: ",")) }
                    writeMember(key: member, value: member)
                }
            }
            append(UInt8(ascii: "}"))
        }
    }

    private mutating func writeMember(key: Int32, value: Int32) {
        append(self.key(of: key))
        append(UInt8(ascii: ":"))
        write(Int(value))
    }

    /// A key encoded more than once keeps the place where it was first encoded and the value it was last given.
    private mutating func writeMembersReplacingRepeats(of object: Int) {
        var lastValue: [[UInt8]: Int32] = [:]
        for member in children(of: object) { lastValue[Array(key(of: member))] = member }
        var isFirst = true
        for member in children(of: object) {
            // Removing the entry skips the key's later occurrences.
            guard let value = lastValue.removeValue(forKey: Array(key(of: member))) else { continue }
            if !isFirst { append(UInt8(ascii: ",")) }
            isFirst = false
            writeMember(key: member, value: value)
        }
    }

    // Keys are compared as the escaped bytes in `text`, with the decoder's rule (`MemberName`): escaping is a
    // function of each UTF-8 byte, so two keys' escaped bytes are equal exactly when their Unicode scalars are.
    // Canonically equivalent keys (`"\u00e9"`, `"e\u0301"`) are two members, as they are to the decoder.
    private func hasRepeatedKeys(_ object: Int) -> Bool {
        if nodes[object].childCount > Self.pairwiseKeyCheckLimit {
            var seen = Set<[UInt8]>()
            return !children(of: object).allSatisfy { seen.insert(Array(key(of: $0))).inserted }
        }
        for first in children(of: object) {
            for second in children(after: first) where keysEqual(first, second) { return true }
        }
        return false
    }

    private func keysEqual(_ first: Int32, _ second: Int32) -> Bool {
        let (first, second) = (key(of: first), key(of: second))
        return first.count == second.count && first.indices.allSatisfy { first[$0] == second[$0] }
    }

    private func key(of member: Int32) -> UnsafeBufferPointer<UInt8> {
        bytes(nodes[Int(member)].keyStart, nodes[Int(member)].keyEnd)
    }

    private func bytes(_ start: Int32, _ end: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(start)..<Int(end)])
    }

    // `EncodingTree.serialized()` sizes `out` for the worst case; the checks make sure of it.
    private mutating func append(_ byte: UInt8) {
        precondition(count < out.count)
        out[count] = byte
        count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count + bytes.count <= out.count)
        _ = UnsafeMutableBufferPointer(rebasing: out[count...]).initialize(fromContentsOf: bytes)
        count += bytes.count
    }

    private func children(of container: Int) -> Siblings {
        Siblings(nodes: nodes, upcoming: nodes[container].firstChild)
    }

    private func children(after child: Int32) -> Siblings {
        Siblings(nodes: nodes, upcoming: nodes[Int(child)].nextSibling)
    }

    struct Siblings: Sequence, IteratorProtocol {
        let nodes: UnsafeBufferPointer<Node>
        var upcoming: Int32

        mutating func next() -> Int32? {
            guard upcoming >= 0 else { return nil }
            defer { upcoming = nodes[Int(upcoming)].nextSibling }
            return upcoming
        }
    }
}
