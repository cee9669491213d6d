import Foundation
import LambdaJSON
import LambdaTesting
import Testing

@Suite struct NumberTests {
    /// Each integer type at its limits decodes, and one past them fails as Foundation fails: `dataCorrupted`.
    @Test func integersDecodeExactlyUpToTheirLimits() throws {
        func check<T: FixedWidthInteger & Decodable>(_ type: T.Type, below: String, above: String) throws {
            #expect(try decode(T.self, "\(T.min)") == T.min)
            #expect(try decode(T.self, "\(T.max)") == T.max)
            #expect(decodingFailure(T.self, below)?.kind == .dataCorrupted, "\(T.self) \(below)")
            #expect(decodingFailure(T.self, above)?.kind == .dataCorrupted, "\(T.self) \(above)")
            #expect(decodingFailure(T.self, above)?.message == "Parsed JSON number <\(above)> does not fit in \(T.self).")
        }
        try check(Int8.self, below: "-129", above: "128")
        try check(Int16.self, below: "-32769", above: "32768")
        try check(Int32.self, below: "-2147483649", above: "2147483648")
        try check(Int64.self, below: "-9223372036854775809", above: "9223372036854775808")
        try check(Int.self, below: "-9223372036854775809", above: "9223372036854775808")
        try check(UInt8.self, below: "-1", above: "256")
        try check(UInt16.self, below: "-1", above: "65536")
        try check(UInt32.self, below: "-1", above: "4294967296")
        try check(UInt64.self, below: "-1", above: "18446744073709551616")
        try check(UInt.self, below: "-1", above: "18446744073709551616")
        try check(Int128.self, below: "-170141183460469231731687303715884105729",
                  above: "170141183460469231731687303715884105728")
        try check(UInt128.self, below: "-1", above: "340282366920938463463374607431768211456")
        #expect(try decode(UInt64.self, "-0") == 0)
        #expect(decodingFailure(Int.self, "99999999999999999999999999999999")?.kind == .dataCorrupted)
    }

    /// Foundation takes a fraction or exponent for an integer when the value is whole; so do we, exactly.
    static let wholeLiterals: [(String, Int?)] = [
        ("1e2", 100), ("1E2", 100), ("1E+2", 100), ("1.0", 1), ("-1.0", -1), ("100e-2", 1), ("0.1e1", 1), ("5e-0", 5),
        ("1.0e0", 1), ("0e5000", 0), ("-0", 0), ("-1e18", -1_000_000_000_000_000_000), ("9007199254740993.0", 9_007_199_254_740_993),
        ("1.5", nil), ("1e-2", nil), ("1e400", nil), ("1e19", nil), ("12345678901234567890e-5", nil),
        ("0.5e1", 5), ("25e-1", nil),
    ]

    @Test(arguments: wholeLiterals)
    func wholeNumbersWithFractionsOrExponentsDecodeAsIntegers(literal: String, expected: Int?) throws {
        if let expected {
            #expect(try decode(Int.self, literal) == expected)
        } else {
            #expect(decodingFailure(Int.self, literal)?.kind == .dataCorrupted)
        }
    }

    @Test(arguments: wholeLiterals.map(\.0))
    func integerLiteralsAgreeWithFoundation(literal: String) throws {
        // Foundation rounds through Double for these, so a few inputs beyond 2^53 differ; none are in this table.
        #expect((try? decode(Int.self, literal)) == (try? foundationDecode(Int.self, literal)), "\(literal)")
    }

    /// Where Foundation's detour through Double loses digits, we read the literal exactly instead.
    @Test func wholeNumbersAreReadExactlyWhereFoundationRounds() throws {
        #expect(try decode(Int.self, "9223372036854775807.0") == Int.max)
        #expect(try decode(Int.self, "92233720368547758.07e2") == Int.max)
        #expect(foundationDecodingFailure(Int.self, "9223372036854775807.0")?.kind == .dataCorrupted)
        #expect(decodingFailure(Int.self, "1.00000000000000000001")?.kind == .dataCorrupted)
        #expect(try foundationDecode(Int.self, "1.00000000000000000001") == 1)
    }

    @Test func integersBeyondInt64ButWithinUInt64() throws {
        #expect(try decode(UInt64.self, "1e19") == 10_000_000_000_000_000_000)
        #expect(try decode(UInt64.self, "18446744073709551615.000") == UInt64.max)
    }

    /// Decimal literals near the interesting edges, and many generated ones: each must decode to exactly what the
    /// standard library's correctly rounded parser makes of it (a fast path handles most of them without it).
    @Test func doublesAreCorrectlyRounded() throws {
        var literals = [
            "0", "-0", "0.1", "0.2", "0.3", "1.5", "12.5", "-12.75", "3.141592653589793", "2.718281828459045",
            "9007199254740993", "9007199254740992.5", "123456789012345678901234567890", "1e22", "1e23", "1e-22",
            "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "0.000001", "1234567.0e-7", "8.5e-15",
            "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        ]
        var random = SeededRandom(seed: 20_240_501)
        for _ in 0..<3000 {
            let digits = String(random.next() % 10_000_000_000_000_000_000)
            let point = Int(random.next() % UInt64(digits.count + 1))
            let (whole, fraction) = (digits.prefix(point), digits.dropFirst(point))
            let mantissa = (whole.isEmpty ? "0" : String(whole)) + (fraction.isEmpty ? "" : "." + fraction)
            literals.append(mantissa + (random.next() % 2 == 0 ? "" : "e\(Int(random.next() % 60) - 30)"))
        }
        // Around the largest exact powers of ten (10^22 for Double, 10^10 for Float), where a fast path that
        // went one power too far would round twice.
        for scale in [8, 9, 10, 11, 12, 20, 21, 22, 23, 24, 25] {
            for _ in 0..<60 {
                let mantissa = random.next() % 1_000_000_000_000_000
                literals += ["\(mantissa)e\(scale)", "\(mantissa)e-\(scale)", "\(mantissa % 10_000_000)e-\(scale)"]
            }
        }
        for literal in literals {
            let expected = try #require(Double(literal))
            let decoded = try decode(Double.self, literal)
            #expect(decoded.bitPattern == expected.bitPattern, "\(literal)")
            let float = try #require(Float(literal))
            if float.isFinite, float != 0 || !literal.contains(where: { "123456789".contains($0) }) {
                #expect(try decode(Float.self, literal).bitPattern == float.bitPattern, "\(literal) as Float")
            }
        }
    }

    @Test func numbersBeyondTheTypesRangeFailAsInFoundation() throws {
        for literal in ["1e400", "-1e400", "1e-400"] {
            #expect(decodingFailure(Double.self, literal)?.message == "Parsed JSON number <\(literal)> does not fit in Double.")
            #expect(foundationDecodingFailure(Double.self, literal)?.kind == .dataCorrupted)
        }
        for literal in ["1e39", "3.4028236e38", "1e-50"] {
            #expect(decodingFailure(Float.self, literal)?.kind == .dataCorrupted, "\(literal)")
            #expect(foundationDecodingFailure(Float.self, literal)?.kind == .dataCorrupted, "\(literal)")
        }
        #expect(try decode(Double.self, "1e-320") == Double("1e-320"))
        #expect(try decode(Double.self, "-0.0").sign == .minus)
        #expect(try decode(Float.self, "3.4028235e38") == Float.greatestFiniteMagnitude)
    }

    /// Our encoder writes doubles as Foundation does, and each reads back as the same value.
    static let doubles: [Double] = [
        0, -0.0, 1, -1, 1.5, 0.1, 0.3, 100, 1e15, 1e16, 1e20, 1e21, 1e22, 1e-7, 1e-6, 2e-5, 0.001, -1.25e-10, 12345678.9,
        9_007_199_254_740_992, 1.2345678901234568e20, Double.greatestFiniteMagnitude,
        Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, Double.pi, 0.1 + 0.2,
    ]

    @Test(arguments: doubles)
    func doublesAreWrittenLikeFoundationAndReadBack(value: Double) throws {
        let ours = try encode(value)
        #expect(ours == (try foundationEncode(value)))
        #expect(try decode(Double.self, ours).bitPattern == value.bitPattern)
    }

    static let floats: [Float] = [0, 1, 1.5, 0.1, 1e20, 3.4028235e38, 1e-7, 16_777_216, 1e10, Float.leastNonzeroMagnitude]

    @Test(arguments: floats)
    func floatsAreWrittenLikeFoundationAndReadBack(value: Float) throws {
        let ours = try encode(value)
        #expect(ours == (try foundationEncode(value)))
        #expect(try decode(Float.self, ours) == value)
    }

    @Test func integersAreWrittenInFull() throws {
        #expect(try encode([Int.min, 0, Int.max]) == "[-9223372036854775808,0,9223372036854775807]")
        #expect(try encode([UInt64.max]) == "[18446744073709551615]")
        #expect(try encode(Int128.min) == "-170141183460469231731687303715884105728")
        #expect(try encode(UInt128.max) == "340282366920938463463374607431768211455")
        #expect(try encode([Int8.min]) == "[-128]")
    }

    @Test func nonFiniteNumbersCannotBeEncoded() throws {
        struct Box: Encodable { var values: [Double] }
        let error = try #require(throws: EncodingError.self) { try encode(Box(values: [1, .nan])) }
        guard case .invalidValue(_, let context) = error else { Issue.record("\(error)"); return }
        #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["values", "1"])
        #expect(context.debugDescription == "Unable to encode Double.nan directly in JSON.")
        #expect(throws: EncodingError.self) { try encode(Double.infinity) }
        #expect(throws: EncodingError.self) { try encode(-Float.infinity) }
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(Double.nan) }
    }
}
