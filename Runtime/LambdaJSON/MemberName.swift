/// An object member's name, compared by its Unicode scalars: the one rule for member names, at every object size.
///
/// RFC 8259 section 8.3 calls names equal when their code points are, after unescaping. Swift's `String ==` and a
/// `Dictionary<String, _>` use canonical equivalence instead, under which `"\u00e9"` and `"e\u0301"` are one name:
/// keying on a `String` would make those two members one in a large object and two in a small one. A string's
/// UTF-8 spells its scalars one to one, so equal UTF-8 is equal code points.
struct MemberName: Hashable {
    let name: String

    static func == (lhs: MemberName, rhs: MemberName) -> Bool {
        lhs.name.utf8.elementsEqual(rhs.name.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var name = name
        name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
