import LambdaJSON

/// A DynamoDB value in its wire form (`{"S": "..."}`, `{"N": "42"}`, ...). Numbers stay strings, as DynamoDB
/// keeps up to 38 digits; binary values are base64 on the wire and bytes here.
public enum AttributeValue: Sendable, Hashable, Codable {
    case s(String)
    case n(String)
    case b([UInt8])
    case bool(Bool)
    case null
    case m([String: AttributeValue])
    case l([AttributeValue])
    case ss([String])
    case ns([String])
    case bs([[UInt8]])

    private enum Key: String, CodingKey {
        case s = "S", n = "N", b = "B", bool = "BOOL", null = "NULL", m = "M", l = "L", ss = "SS", ns = "NS", bs = "BS"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "An AttributeValue has exactly one type key, found \(container.allKeys.map(\.stringValue))"))
        }
        switch key {
        case .s: self = .s(try container.decode(String.self, forKey: key))
        case .n: self = .n(try container.decode(String.self, forKey: key))
        case .b: self = .b(try container.decodeBase64(forKey: key))
        case .bool: self = .bool(try container.decode(Bool.self, forKey: key))
        case .null: self = .null
        case .m: self = .m(try container.decode([String: AttributeValue].self, forKey: key))
        case .l: self = .l(try container.decode([AttributeValue].self, forKey: key))
        case .ss: self = .ss(try container.decode([String].self, forKey: key))
        case .ns: self = .ns(try container.decode([String].self, forKey: key))
        case .bs:
            let texts = try container.decode([String].self, forKey: key)
            self = .bs(try texts.map { text in
                guard let bytes = Base64.decode(text) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not valid base64")
                }
                return bytes
            })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .s(let value): try container.encode(value, forKey: .s)
        case .n(let value): try container.encode(value, forKey: .n)
        case .b(let value): try container.encodeBase64(value, forKey: .b)
        case .bool(let value): try container.encode(value, forKey: .bool)
        case .null: try container.encode(true, forKey: .null)
        case .m(let value): try container.encode(value, forKey: .m)
        case .l(let value): try container.encode(value, forKey: .l)
        case .ss(let value): try container.encode(value, forKey: .ss)
        case .ns(let value): try container.encode(value, forKey: .ns)
        case .bs(let value): try container.encode(value.map { Base64.encode($0) }, forKey: .bs)
        }
    }

    public static func number(_ value: some BinaryInteger) -> AttributeValue { .n(String(value)) }

    public var string: String? { if case .s(let value) = self { value } else { nil } }
    public var int: Int? { if case .n(let value) = self { Int(value) } else { nil } }
    public var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    public var bytes: [UInt8]? { if case .b(let value) = self { value } else { nil } }
    public var map: [String: AttributeValue]? { if case .m(let value) = self { value } else { nil } }
    public var list: [AttributeValue]? { if case .l(let value) = self { value } else { nil } }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .s(value) }
    public init(integerLiteral value: Int) { self = .n(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

