import Logging
import Synchronization

/// Collects what handlers log, so a test can assert on it: that an error was logged with the right
/// metadata, or that a card number never appears anywhere.
///
///     let logs = LogCapture()
///     _ = try await handler.invoke(event, context: .test(logger: logs.logger()))
///     #expect(logs.records.contains { $0.level == .error && $0.metadata["petId"] == "p-7" })
///     #expect(!logs.contains("4111111111111111"))
public final class LogCapture: Sendable {
    private let captured = Mutex<[CapturedLogRecord]>([])

    public init() {}

    /// A logger that records into this capture; every level is kept unless `level` says otherwise.
    public func logger(label: String = "lambda-test", level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = level
        return logger
    }

    /// Everything logged so far, oldest first.
    public var records: [CapturedLogRecord] {
        captured.withLock { $0 }
    }

    /// Whether `text` occurs in any record's message, metadata or error.
    public func contains(_ text: String) -> Bool {
        records.contains { $0.renderedText.contains(text) }
    }

    public func removeAll() {
        captured.withLock { $0.removeAll() }
    }

    fileprivate func append(_ record: CapturedLogRecord) {
        captured.withLock { $0.append(record) }
    }
}

/// One log line as a handler emitted it, metadata rendered to strings.
public struct CapturedLogRecord: Sendable, Equatable, CustomStringConvertible {
    public var level: Logger.Level
    public var message: String
    /// The logger's metadata merged with the call's, values rendered with their `description`.
    public var metadata: [String: String]
    /// The error passed with the log call, rendered, if any.
    public var error: String?
    public var source: String

    public init(level: Logger.Level, message: String, metadata: [String: String] = [:], error: String? = nil,
                source: String = "") {
        self.level = level
        self.message = message
        self.metadata = metadata
        self.error = error
        self.source = source
    }

    /// Message, metadata and error as one line: what a log sink would receive.
    public var renderedText: String {
        let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ([message] + pairs + (error.map { ["error=\($0)"] } ?? [])).joined(separator: " ")
    }

    public var description: String { "[\(level)] \(renderedText)" }
}

private struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        merged.merge(metadataProvider?.get() ?? [:]) { _, provided in provided }
        merged.merge(event.metadata ?? [:]) { _, call in call }
        capture.append(
            CapturedLogRecord(
                level: event.level,
                message: event.message.description,
                metadata: merged.mapValues(\.description),
                error: event.error.map { "\($0)" },
                source: event.source))
    }
}
