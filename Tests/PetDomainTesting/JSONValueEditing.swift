import LambdaEvents

extension JSONValue {
    /// The object with `value` at the dotted `path` (e.g. `detail.food_id`): for varying a fixture.
    public func setting(_ path: String, to value: JSONValue) -> JSONValue {
        let keys = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard case .object(var members) = self else { return self }
        members[keys[0]] = keys.count == 1 ? value : (members[keys[0]] ?? .object([:])).setting(keys[1], to: value)
        return .object(members)
    }
}
