/// A growable array of plain values, written and read through a pointer: the encoding tree's nodes and text.
///
/// An `Array` checks uniqueness and capacity on every write and goes through generic code to append a run; for
/// the many small writes the coders make, that was most of their cost. This buffer owns its memory and frees it
/// when it goes away; being noncopyable, it is never shared. Indexes are checked, as an Array's are.
struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var start: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count)
            return start[index]
        }
        set {
            precondition(index >= 0 && index < count)
            start[index] = newValue
        }
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow(toHold: count + 1) }
        (start + count).initialize(to: element)
        count += 1
    }

    /// Appends `added` elements, which `write` puts into room made for them at the end.
    mutating func append(count added: Int, _ write: (UnsafeMutableBufferPointer<Element>) -> Void) {
        if count + added > capacity { grow(toHold: count + added) }
        write(UnsafeMutableBufferPointer(start: start + count, count: added))
        count += added
    }

    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    private mutating func grow(toHold needed: Int) {
        capacity = max(needed, capacity * 2)
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        larger.initialize(from: start, count: count)
        start.deallocate()
        start = larger
    }
}

/// Somewhere JSON text can be appended: a `[UInt8]` for `JSONWriter`'s public API, a byte buffer inside the encoder.
protocol JSONOutput: ~Copyable {
    /// Appends `count` bytes, which `write` puts into room made for them at the end. Writers measure first and then
    /// write each piece in one go, so that there is one capacity check per piece rather than one per byte.
    mutating func append(count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void)
}

extension JSONOutput where Self: ~Copyable {
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(count: bytes.count) { _ = $0.initialize(fromContentsOf: bytes) }
    }
}

extension Array: JSONOutput where Element == UInt8 {
    mutating func append(count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        let start = self.count
        append(contentsOf: repeatElement(0, count: count))
        withUnsafeMutableBufferPointer { write(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }
}

extension GrowableBuffer: JSONOutput where Element == UInt8 {}
