import LambdaJSON

/// An error that chooses how Lambda reports it. Conform to it to control the `errorType` and
/// `errorMessage` a caller sees; any other error is reported as `Function.<its Swift type name>` with
/// its `description`.
///
///     struct OutOfStock: LambdaReportableError {
///         var lambdaErrorType: String { "Function.OutOfStock" }
///         var lambdaErrorMessage: String { "no pets left" }
///     }
public protocol LambdaReportableError: Error {
    /// `Function.<Reason>` or `Runtime.<Reason>`; a bare `<Reason>` is taken as `Function.<Reason>`.
    /// Anything else is sanitized to the `[A-Z][a-zA-Z]+` shape Lambda accepts.
    var lambdaErrorType: String { get }
    /// The `errorMessage` of the report.
    var lambdaErrorMessage: String { get }
}

extension LambdaReportableError {
    public var lambdaErrorType: String { "Function." + ErrorReport.reason(fromTypeName: "\(Self.self)") }
    public var lambdaErrorMessage: String { "\(self)" }
}

/// What the runtime posts to `/error` and `/init/error`: the type goes in the
/// `Lambda-Runtime-Function-Error-Type` header and, identically, in the body's `errorType`.
package struct ErrorReport: Equatable, Sendable {
    package let errorType: String
    package let errorMessage: String

    init(errorType: String, errorMessage: String) {
        self.errorType = ErrorReport.validType(errorType)
        self.errorMessage = errorMessage
    }

    /// The report for an error a handler (or its initializer) threw.
    init(thrown error: any Error) {
        if let reportable = error as? any LambdaReportableError {
            self.init(errorType: reportable.lambdaErrorType, errorMessage: reportable.lambdaErrorMessage)
        } else {
            self.init(
                errorType: "Function." + ErrorReport.reason(fromTypeName: "\(type(of: error))"),
                errorMessage: "\(error)")
        }
    }

    static func unmarshal(_ error: any Error) -> ErrorReport {
        ErrorReport(errorType: "Runtime.UnmarshalError", errorMessage: "the event does not decode: \(error)")
    }

    static func marshal(_ error: any Error) -> ErrorReport {
        ErrorReport(errorType: "Runtime.MarshalError", errorMessage: "the output does not encode: \(error)")
    }

    static func responseTooLarge(size: Int) -> ErrorReport {
        ErrorReport(
            errorType: "Function.ResponseSizeTooLarge",
            errorMessage: "Response payload size (\(size) bytes) exceeded maximum allowed payload size "
                + "(\(RuntimeLimits.maxResponseBytes) bytes).")
    }

    /// `{"errorMessage":…,"errorType":…,"stackTrace":[]}`: Swift has no portable stack trace to give.
    package var jsonBody: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(errorMessage.utf8.count + errorType.utf8.count + 64)
        out.append(contentsOf: Array(#"{"errorMessage":"#.utf8))
        JSONWriter.appendString(errorMessage, to: &out)
        out.append(contentsOf: Array(#","errorType":"#.utf8))
        JSONWriter.appendString(errorType, to: &out)
        out.append(contentsOf: Array(#","stackTrace":[]}"#.utf8))
        return out
    }

    /// A Swift type name (`ProbeError`, `Outer.Inner`, `Box<Int>`) as a reason Lambda keeps:
    /// ASCII letters only, the first one upper-case; `Unknown` when fewer than two letters remain.
    static func reason(fromTypeName name: String) -> String {
        // A generic's arguments would only add noise: `Box<Int>` reads better as `Box`.
        let base = name.split(separator: "<", maxSplits: 1).first.map(String.init) ?? name
        let letters = base.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }
        guard letters.count >= 2, let first = letters.first else { return "Unknown" }
        return String(first).uppercased() + String(String.UnicodeScalarView(letters.dropFirst()))
    }

    /// `Category.Reason` kept when it already has Lambda's shape; otherwise the reason is sanitized and
    /// the category defaults to `Function`.
    static func validType(_ type: String) -> String {
        let parts = type.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, parts[0] == "Function" || parts[0] == "Runtime" {
            return "\(parts[0])." + reason(fromTypeName: String(parts[1]))
        }
        return "Function." + reason(fromTypeName: type)
    }
}

/// Limits Lambda enforces that the runtime checks before the Runtime API has to.
enum RuntimeLimits {
    /// A buffered response above 6 MiB is refused by Lambda; the runtime reports it instead of sending it.
    static let maxResponseBytes = 6 * 1024 * 1024
}
