#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import Synchronization
import Testing

@testable import LambdaRuntime

/// Collects what a `LambdaLogHandler` writes, line by line.
private final class CapturedLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }

    func logger(format: LambdaLogFormat, level: Logger.Level = .info) -> Logger {
        Logger(label: "test") { [self] label in
            LambdaLogHandler(label: label, format: format, logLevel: level) { bytes in
                let line = String(decoding: bytes, as: UTF8.self)
                self.lines.withLock { $0.append(line) }
            }
        }
    }
}

/// The fields a JSON line always has, plus the metadata these tests use.
private struct JSONLine: Decodable {
    let timestamp: String
    let level: String
    let message: String
    let logger: String
    let requestId: String?
    let pet: String?
    let tags: [String]?
    let error: String?
    let _message: String?
}

private func decodeLine(_ line: String) throws -> JSONLine {
    try JSONDecoder().decode(JSONLine.self, from: Data(line.utf8))
}

// 2026-11-21T12:00:00.123Z
private let sampleMilliseconds: Int64 = 1_795_262_400_123

@Suite struct LogFormatTests {
    @Test func configurationComesFromLambdasVariables() {
        #expect(LambdaLogFormat(environmentValue: "JSON") == .json)
        #expect(LambdaLogFormat(environmentValue: "json") == .json)
        #expect(LambdaLogFormat(environmentValue: "Text") == .text)
        #expect(LambdaLogFormat(environmentValue: nil) == .text)
        #expect(Logger.Level(lambdaLogLevel: "DEBUG") == .debug)
        #expect(Logger.Level(lambdaLogLevel: "warn") == .warning)
        #expect(Logger.Level(lambdaLogLevel: "FATAL") == .critical)
        #expect(Logger.Level(lambdaLogLevel: "TRACE") == .trace)
        #expect(Logger.Level(lambdaLogLevel: nil) == .info)
        #expect(Logger.Level(lambdaLogLevel: "loud") == .info)
    }

    @Test func levelsUseLambdasNames() {
        let names = Logger.Level.allCases.map(\.lambdaName)
        #expect(names == ["TRACE", "DEBUG", "INFO", "INFO", "WARN", "ERROR", "FATAL"])
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(LogLine.iso8601(sampleMilliseconds) == "2026-11-21T12:00:00.123Z")
        #expect(LogLine.iso8601(0) == "1970-01-01T00:00:00.000Z")
        #expect(LogLine.iso8601(951_782_400_007) == "2000-02-29T00:00:00.007Z")
    }

    @Test func textLineHasTimestampRequestIDLevelMessageAndMetadata() {
        let line = LogLine(
            timestampMilliseconds: sampleMilliseconds, level: .warning, message: "adopted\nsecond line",
            label: "Lambda", metadata: ["requestId": "req-1", "pet": "42", "a": "b"])
        #expect(String(decoding: line.text(), as: UTF8.self)
            == "2026-11-21T12:00:00.123Z\treq-1\tWARN\tadopted second line a=b pet=42\n")
    }

    @Test func textLineWithoutRequestIDSkipsTheColumn() {
        let line = LogLine(timestampMilliseconds: 0, level: .info, message: "init", label: "Lambda", metadata: [:])
        #expect(String(decoding: line.text(), as: UTF8.self) == "1970-01-01T00:00:00.000Z\tINFO\tinit\n")
    }

    @Test func jsonLineIsOneValidObject() throws {
        let line = LogLine(
            timestampMilliseconds: sampleMilliseconds, level: .error,
            message: #"quote " backslash \ newline \#n tab \#t bell \#u{7} 🐶"#,
            label: "pets", metadata: ["requestId": "req-1", "pet": "42", "tags": ["a", "b"]])
        let text = String(decoding: line.json(), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.dropLast().contains("\n") == false)
        let decoded = try decodeLine(text)
        #expect(decoded.timestamp == "2026-11-21T12:00:00.123Z")
        #expect(decoded.level == "ERROR")
        #expect(decoded.message == "quote \" backslash \\ newline \n tab \t bell \u{7} 🐶")
        #expect(decoded.logger == "pets")
        #expect(decoded.requestId == "req-1")
        #expect(decoded.pet == "42")
        #expect(decoded.tags == ["a", "b"])
    }

    @Test func metadataCannotOverwriteTheFixedFields() throws {
        let line = LogLine(timestampMilliseconds: 0, level: .info, message: "real", label: "l", metadata: ["message": "fake"])
        let text = String(decoding: line.json(), as: UTF8.self)
        let decoded = try decodeLine(text)
        #expect(decoded.message == "real")
        #expect(decoded._message == "fake")
        #expect(text.components(separatedBy: #""message":"#).count == 2)
    }

    @Test func handlerFiltersByLevelAndCarriesMetadata() throws {
        let captured = CapturedLines()
        var logger = captured.logger(format: .json, level: .info)
        logger[metadataKey: "requestId"] = "req-9"
        logger.debug("hidden")
        logger.info("shown", metadata: ["pet": "7"])
        logger.error("failed", error: PetNotFound())
        let lines = captured.all
        #expect(lines.count == 2)
        let shown = try decodeLine(lines[0])
        #expect(shown.message == "shown")
        #expect(shown.requestId == "req-9")
        #expect(shown.pet == "7")
        let failed = try decodeLine(lines[1])
        #expect(failed.level == "ERROR")
        #expect(failed.error == "no pet 42")
    }

    @Test func linesWrittenDuringAnInvocationCarryItsRequestID() async throws {
        let captured = CapturedLines()
        let logger = captured.logger(format: .text)
        logger.info("before")
        await CurrentInvocation.$requestID.withValue("req-42") {
            logger.info("during")
            await Task { logger.info("from a child task") }.value
        }
        logger.info("after")
        let lines = captured.all
        #expect(lines.count == 4)
        #expect(lines[0].contains("\tINFO\tbefore"))
        #expect(!lines[0].contains("req-42"))
        #expect(lines[1].contains("\treq-42\tINFO\tduring"))
        #expect(lines[2].contains("\treq-42\tINFO\tfrom a child task"))
        #expect(!lines[3].contains("req-42"))
    }

    @Test func debugLevelLetsDebugThrough() {
        let captured = CapturedLines()
        let logger = captured.logger(format: .text, level: .debug)
        logger.trace("no")
        logger.debug("yes")
        #expect(captured.all.count == 1)
        #expect(captured.all.first?.contains("\tDEBUG\tyes") == true)
    }
}
