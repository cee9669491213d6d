#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LambdaJSON
import Logging
import LambdaSystem

/// How log lines look, from `AWS_LAMBDA_LOG_FORMAT`: `Text` (the default) or `JSON`.
public enum LambdaLogFormat: Sendable, Equatable {
    /// `2026-11-21T12:00:00.123Z <TAB> requestId <TAB> INFO <TAB> message key=value…`
    case text
    /// One JSON object per line: `timestamp`, `level`, `requestId`, `message`, `logger`, then metadata.
    case json

    public init(environmentValue: String?) {
        self = environmentValue?.uppercased() == "JSON" ? .json : .text
    }
}

extension Logger.Level {
    /// The level from `AWS_LAMBDA_LOG_LEVEL` (`TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR`, `FATAL`, any
    /// case); `INFO` when unset or unknown.
    public init(lambdaLogLevel value: String?) {
        switch value?.uppercased() {
        case "TRACE": self = .trace
        case "DEBUG": self = .debug
        case "WARN", "WARNING": self = .warning
        case "ERROR": self = .error
        case "FATAL", "CRITICAL": self = .critical
        default: self = .info
        }
    }

    /// The name Lambda uses for this level (swift-log's `notice` has no Lambda twin and shows as `INFO`).
    public var lambdaName: String {
        switch self {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info, .notice: "INFO"
        case .warning: "WARN"
        case .error: "ERROR"
        case .critical: "FATAL"
        }
    }
}

/// The request id of the invocation being served, bound by the runtime around each handler call. A task
/// local, so child tasks (and `Task {}`) started by the handler inherit it.
enum CurrentInvocation {
    @TaskLocal static var requestID: String?
}

/// The runtime's `LogHandler`: Lambda's text or JSON line format, one `write` per line to standard error
/// (unbuffered, so a line is never lost or interleaved when the process is frozen or killed).
///
/// Every line written while an invocation is served carries its request id (`requestId`), from
/// any logger: the context's, or one the handler made itself. In text it takes the second column, in
/// JSON it is a top-level field. Explicit `requestId` metadata wins over the ambient one.
public struct LambdaLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public let label: String
    public let format: LambdaLogFormat
    private let output: @Sendable ([UInt8]) -> Void

    /// - Parameter output: receives each formatted line (with its newline); standard error by default.
    public init(
        label: String, format: LambdaLogFormat, logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        output: @escaping @Sendable ([UInt8]) -> Void = LambdaLogHandler.writeToStandardError
    ) {
        self.label = label
        self.format = format
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let requestID = CurrentInvocation.requestID, merged["requestId"] == nil {
            merged["requestId"] = .string(requestID)
        }
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        var line = LogLine(
            timestampMilliseconds: SystemClock.epochMilliseconds(), level: event.level,
            message: event.message.description, label: label, metadata: merged)
        if let error = event.error { line.metadata["error"] = .string("\(error)") }
        output(format == .json ? line.json() : line.text())
    }

    /// Writes all of `bytes` to file descriptor 2 in as few `write` calls as the kernel allows.
    public static let writeToStandardError: @Sendable ([UInt8]) -> Void = { bytes in
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

/// One log record, formatted. Separate from the handler so the formats can be tested directly.
struct LogLine {
    /// The fields a JSON line always has; metadata keys that collide get an `_` prefix instead of
    /// producing a duplicate key.
    static let reservedKeys: Set<String> = ["timestamp", "level", "message", "logger"]

    var timestampMilliseconds: Int64
    var level: Logger.Level
    var message: String
    var label: String
    var metadata: Logger.Metadata

    func text() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.utf8.count + 80)
        out.append(contentsOf: Array(Self.iso8601(timestampMilliseconds).utf8))
        out.append(UInt8(ascii: "\t"))
        if case .string(let requestID) = metadata["requestId"] {
            out.append(contentsOf: Array(requestID.utf8))
            out.append(UInt8(ascii: "\t"))
        }
        out.append(contentsOf: Array(level.lambdaName.utf8))
        out.append(UInt8(ascii: "\t"))
        // A message's own line breaks would split one record over several log lines.
        for byte in message.utf8 {
            out.append(byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? UInt8(ascii: " ") : byte)
        }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) where key != "requestId" {
            out.append(contentsOf: Array(" \(key)=\(value)".utf8))
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    func json() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.utf8.count + 160)
        out.append(contentsOf: Array(#"{"timestamp":""#.utf8))
        out.append(contentsOf: Array(Self.iso8601(timestampMilliseconds).utf8))
        out.append(contentsOf: Array(#"","level":""#.utf8))
        out.append(contentsOf: Array(level.lambdaName.utf8))
        out.append(contentsOf: Array(#"","message":"#.utf8))
        JSONWriter.appendString(message, to: &out)
        out.append(contentsOf: Array(#","logger":"#.utf8))
        JSONWriter.appendString(label, to: &out)
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            out.append(UInt8(ascii: ","))
            JSONWriter.appendString(Self.reservedKeys.contains(key) ? "_" + key : key, to: &out)
            out.append(UInt8(ascii: ":"))
            Self.appendJSON(value, to: &out)
        }
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }

    private static func appendJSON(_ value: Logger.Metadata.Value, to out: inout [UInt8]) {
        switch value {
        case .string(let string):
            JSONWriter.appendString(string, to: &out)
        case .stringConvertible(let convertible):
            JSONWriter.appendString(convertible.description, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendJSON(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            out.append(UInt8(ascii: "{"))
            for (index, (key, element)) in dictionary.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                appendJSON(element, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `2026-11-21T12:00:00.123Z`: UTC with milliseconds, what Lambda's own log lines use.
    static func iso8601(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
            + ".\(pad(Int32(milliseconds % 1000), 3))Z"
    }
}
