/// The keys from the top-level value down to the one being decoded or encoded, as a linked list.
///
/// Going one level down costs one small allocation; the `[CodingKey]` that `codingPath` and errors need is built
/// only when someone asks for it, which on the hot path is never.
indirect enum CodingPath {
    case root
    case key(any CodingKey, parent: CodingPath)
    case index(Int, parent: CodingPath)

    func appending(_ key: any CodingKey) -> CodingPath {
        .key(key, parent: self)
    }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while true {
            switch node {
            case .root: return keys.reversed()
            case .key(let key, let parent): keys.append(key); node = parent
            case .index(let index, let parent): keys.append(JSONKey(index: index)); node = parent
            }
        }
    }

    func keys(appending key: any CodingKey) -> [any CodingKey] {
        keys + [key]
    }
}

/// The keys the coders make themselves: array positions and `super`, named as Foundation names them.
struct JSONKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    static let `super` = JSONKey(stringValue: "super")

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
}
