#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing

@testable import LambdaRuntime

/// The error body as Lambda's tooling reads it.
private struct ErrorBody: Decodable, Equatable {
    let errorMessage: String
    let errorType: String
    let stackTrace: [String]
}

private func decode(_ report: ErrorReport) throws -> ErrorBody {
    try JSONDecoder().decode(ErrorBody.self, from: Data(report.jsonBody))
}

struct PetNotFound: Error, CustomStringConvertible {
    var description: String { "no pet 42" }
}

enum Outer {
    struct Inner: Error {}
}

struct Box<Value>: Error {}

struct OutOfStock: LambdaReportableError {
    var lambdaErrorType: String { "OutOfStock" }
    var lambdaErrorMessage: String { "no pets left" }
}

struct DefaultsOnly: LambdaReportableError, CustomStringConvertible {
    var description: String { "described" }
}

struct ClaimsRuntime: LambdaReportableError {
    var lambdaErrorType: String { "Runtime.NoSuchHandler" }
    var lambdaErrorMessage: String { "no handler named x" }
}

@Suite struct ErrorReportTests {
    @Test func aThrownErrorIsReportedByItsSwiftTypeAndDescription() throws {
        let report = ErrorReport(thrown: PetNotFound())
        #expect(report.errorType == "Function.PetNotFound")
        #expect(report.errorMessage == "no pet 42")
        #expect(try decode(report) == ErrorBody(errorMessage: "no pet 42", errorType: "Function.PetNotFound", stackTrace: []))
    }

    @Test func typeNamesAreSanitizedToWhatLambdaKeeps() {
        #expect(ErrorReport(thrown: Outer.Inner()).errorType == "Function.Inner")
        #expect(ErrorReport(thrown: Box<Int>()).errorType == "Function.Box")
        #expect(ErrorReport.reason(fromTypeName: "Outer.Inner") == "OuterInner")
        #expect(ErrorReport.reason(fromTypeName: "my_error2") == "Myerror")
        #expect(ErrorReport.reason(fromTypeName: "Ünïcode") == "Ncode")
        #expect(ErrorReport.reason(fromTypeName: "E") == "Unknown")
        #expect(ErrorReport.reason(fromTypeName: "") == "Unknown")
    }

    @Test func everyErrorTypeMatchesLambdasPattern() {
        let types = ["Function.ProbeError", "Runtime.X", "weird name!", "Function.", "Other.Thing", "Runtime.bad_name"]
        for type in types {
            let valid = ErrorReport(errorType: type, errorMessage: "").errorType
            let parts = valid.split(separator: ".")
            #expect(parts.count == 2, "\(valid)")
            #expect(parts[0] == "Function" || parts[0] == "Runtime", "\(valid)")
            #expect(parts[1].first?.isUppercase == true && parts[1].count >= 2, "\(valid)")
            #expect(parts[1].allSatisfy { $0.isASCII && $0.isLetter }, "\(valid)")
        }
        #expect(ErrorReport(errorType: "Runtime.bad_name", errorMessage: "").errorType == "Runtime.Badname")
    }

    @Test func anErrorCanChooseItsOwnReport() {
        let custom = ErrorReport(thrown: OutOfStock())
        #expect(custom.errorType == "Function.OutOfStock")
        #expect(custom.errorMessage == "no pets left")

        let defaults = ErrorReport(thrown: DefaultsOnly())
        #expect(defaults.errorType == "Function.DefaultsOnly")
        #expect(defaults.errorMessage == "described")

        #expect(ErrorReport(thrown: ClaimsRuntime()).errorType == "Runtime.NoSuchHandler")
    }

    @Test(arguments: [
        "plain",
        #"quotes " and backslashes \ and \n literally"#,
        "line\nbreak\r\ttab",
        "control \u{0}\u{1}\u{1F}\u{7F} chars",
        "unicode 🐶 ü 中文 \u{2028}",
        "",
    ])
    func messagesSurviveAsJSON(_ message: String) throws {
        let body = try decode(ErrorReport(errorType: "Function.X", errorMessage: message))
        #expect(body.errorMessage == message)
        #expect(body.stackTrace.isEmpty)
    }

    @Test func controlCharactersAreEscapedNotSentRaw() {
        let report = ErrorReport(errorType: "Function.PetError", errorMessage: "a\u{1}b\nc\"d")
        let text = String(decoding: report.jsonBody, as: UTF8.self)
        #expect(text == #"{"errorMessage":"a\u0001b\nc\"d","errorType":"Function.PetError","stackTrace":[]}"#)
    }

    @Test func anOversizedResponseSaysHowBig() {
        let report = ErrorReport.responseTooLarge(size: 7_340_034)
        #expect(report.errorType == "Function.ResponseSizeTooLarge")
        #expect(report.errorMessage == "Response payload size (7340034 bytes) exceeded maximum allowed payload size (6291456 bytes).")
    }
}
