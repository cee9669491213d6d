/// The JSON value being encoded, as a tree of nodes in one array, written out as text at the end.
///
/// The output cannot be written as values arrive: `nestedContainer` and `superEncoder` hand out containers that
/// their caller may fill after it has encoded later siblings, and a key encoded twice replaces its earlier value.
/// So encoding builds this tree, which costs no allocation per value, and `serialized()` walks it once.
final class EncodingTree {
    enum Kind: UInt8 {
        /// Nothing encoded yet. A value that encodes nothing is written `{}`, as Foundation writes it.
        case empty
        case literal, object, array
    }

    struct Node {
        var kind = Kind.empty
        /// An object member's key, escaped and quoted, in `text`; empty for array elements and the root.
        var keyStart: Int32 = 0, keyEnd: Int32 = 0
        /// A literal's text in `text`.
        var literalStart: Int32 = 0, literalEnd: Int32 = 0
        /// A container's children, linked through `nextSibling`; -1 for none.
        var firstChild: Int32 = -1, lastChild: Int32 = -1, childCount: Int32 = 0
        var nextSibling: Int32 = -1
    }

    static let root = 0

    // Swift checks every access to a class's stored `var` at run time for overlapping access, which cost about a
    // third of encoding time. Only this class touches these two, and never while calling out to other code, so
    // the checks are off.
    @exclusivity(unchecked) private var nodes = GrowableBuffer<Node>(capacity: 32)
    /// Keys and literals, in the order they were encoded. Offsets into it are 32 bits: output is limited to 2 GiB.
    @exclusivity(unchecked) private var text = GrowableBuffer<UInt8>(capacity: 256)

    init() {
        nodes.append(Node())
    }

    func hasValue(at node: Int) -> Bool {
        nodes[node].kind != .empty
    }

    func childCount(of container: Int) -> Int {
        Int(nodes[container].childCount)
    }

    /// Makes `node` an object. It may be one already: a type may ask the same encoder for a keyed container
    /// twice (a subclass and its superclass do), and both then fill the same object.
    func makeObject(_ node: Int) {
        become(.object, node)
    }

    func makeArray(_ node: Int) {
        become(.array, node)
    }

    /// Adds a member named `key` to `object` and returns its node, still empty.
    func addMember(to object: Int, key: String) -> Int {
        let keyStart = text.count
        JSONWriter.appendString(key, into: &text)
        return link(Node(keyStart: Int32(keyStart), keyEnd: Int32(text.count)), under: object)
    }

    /// Adds an element to `array` and returns its node, still empty.
    func addElement(to array: Int) -> Int {
        link(Node(), under: array)
    }

    /// Adds a member or an element (`key` nil) to `container` for a value that `fill` encodes into it. A value
    /// that fails to encode is taken out again, as in Foundation, so that a caller who catches the error and goes
    /// on leaves no trace of it.
    func addChild(to container: Int, key: String?, _ fill: (Int) throws -> Void) throws {
        let child = key.map { addMember(to: container, key: $0) } ?? addElement(to: container)
        do {
            try fill(child)
        } catch {
            removeChild(child, from: container)
            throw error
        }
    }

    func setLiteral<T: JSONScalar>(_ node: Int, to value: T) throws(NoJSONLiteral) {
        let start = text.count
        try value.write(to: &text)
        setLiteral(node, start: start)
    }

    func setNull(_ node: Int) {
        let start = text.count
        JSONWriter.appendLiteral("null", to: &text)
        setLiteral(node, start: start)
    }

    /// Sets a literal that is already valid JSON text, such as a `JSONNumber`'s.
    func setVerbatim(_ node: Int, to literal: String) {
        let start = text.count
        var literal = literal
        literal.withUTF8 { text.append($0) }
        setLiteral(node, start: start)
    }

    /// The whole value as JSON text.
    func serialized() -> [UInt8] {
        // Besides `text`, a node adds at most four bytes: a comma and a colon before it, and a pair of brackets.
        let capacity = text.count + 4 * nodes.count
        return nodes.withUnsafeBufferPointer { nodes in
            text.withUnsafeBufferPointer { text in
                [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                    var writer = TreeWriter(nodes: nodes, text: text, out: out)
                    writer.write(Self.root)
                    count = writer.count
                }
            }
        }
    }

    private func become(_ kind: Kind, _ node: Int) {
        let current = nodes[node].kind
        // Like Foundation, treat asking one encoder for two different kinds of container as a programming error.
        precondition(current == .empty || current == kind,
                     "encode(to:) asked for an \(kind) where it had encoded an \(current)")
        nodes[node].kind = kind
    }

    private func link(_ node: Node, under parent: Int) -> Int {
        let child = Int32(nodes.count)
        nodes.append(node)
        let last = nodes[parent].lastChild
        if last < 0 { nodes[parent].firstChild = child } else { nodes[Int(last)].nextSibling = child }
        nodes[parent].lastChild = child
        nodes[parent].childCount += 1
        return Int(child)
    }

    /// Unlinks `child`. Its nodes stay in the array, unreachable, so that nothing that still points at them breaks.
    private func removeChild(_ child: Int, from parent: Int) {
        let (child32, next) = (Int32(child), nodes[child].nextSibling)
        var previous: Int32 = -1
        var current = nodes[parent].firstChild
        while current != child32 {
            previous = current
            current = nodes[Int(current)].nextSibling
        }
        if previous < 0 { nodes[parent].firstChild = next } else { nodes[Int(previous)].nextSibling = next }
        if nodes[parent].lastChild == child32 { nodes[parent].lastChild = previous }
        nodes[parent].childCount -= 1
    }

    private func setLiteral(_ node: Int, start: Int) {
        precondition(nodes[node].kind == .empty || nodes[node].kind == .literal,
                     "encode(to:) encoded a single value where it had made a container")
        nodes[node].kind = .literal
        nodes[node].literalStart = Int32(start)
        nodes[node].literalEnd = Int32(text.count)
    }
}
