#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LambdaSystem

/// The lines Lambda itself adds to a function's log around each invocation: `START`, `END` and `REPORT`
/// as text, or `platform.start` and `platform.report` records when the function logs in JSON.
struct PlatformLog: Sendable {
    let sink: any LogSink
    let json: Bool

    func start(requestID: String) {
        if json {
            record(type: "platform.start", StartRecord(requestId: requestID, version: "$LATEST"))
        } else {
            sink.write(line: "START RequestId: \(requestID) Version: $LATEST")
        }
    }

    /// The init duration appears only on the invocation that started the runtime; a failure adds its
    /// status, as Lambda's REPORT does.
    func end(requestID: String, report: Report) {
        if json {
            record(type: "platform.report", ReportRecord(requestID: requestID, report))
            return
        }
        var fields = [
            "REPORT RequestId: \(requestID)",
            "Duration: \(twoDecimals(report.durationMs)) ms",
            "Billed Duration: \(report.billedDurationMs) ms",
            "Memory Size: \(report.memorySizeMB) MB",
            "Max Memory Used: \(report.maxMemoryUsedMB) MB",
        ]
        if let initDuration = report.initDurationMs {
            fields.append("Init Duration: \(twoDecimals(initDuration)) ms")
        }
        switch report.status {
        case .success: break
        case .timeout: fields.append("Status: timeout")
        case .error(let type): fields.append("Status: error\tError Type: \(type)")
        }
        sink.write(line: "END RequestId: \(requestID)\n" + fields.joined(separator: "\t"))
    }

    func line(_ text: String) {
        sink.write(line: text)
    }

    private func record<Record: Encodable>(type: String, _ record: Record) {
        let line = Line(time: UTCTime(epochMilliseconds: SystemClock.epochMilliseconds()).iso8601, type: type, record: record)
        guard let data = try? JSONEncoder().encode(line) else { return }
        sink.write(line: String(decoding: data, as: UTF8.self))
    }

    struct Report {
        enum Status { case success, timeout, error(String) }
        let durationMs: Double
        let initDurationMs: Double?
        let memorySizeMB: Int
        let maxMemoryUsedMB: Int
        let status: Status

        /// Lambda bills whole milliseconds, init included for custom runtimes.
        var billedDurationMs: Int {
            Int((durationMs + (initDurationMs ?? 0)).rounded(.up))
        }
    }

    private struct Line<Record: Encodable>: Encodable {
        let time: String
        let type: String
        let record: Record
    }

    private struct StartRecord: Encodable {
        let requestId: String
        let version: String
    }

    private struct ReportRecord: Encodable {
        struct Metrics: Encodable {
            let durationMs: Double
            let billedDurationMs: Int
            let memorySizeMB: Int
            let maxMemoryUsedMB: Int
            let initDurationMs: Double?
        }
        let requestId: String
        let metrics: Metrics
        let status: String
        let errorType: String?

        init(requestID: String, _ report: Report) {
            requestId = requestID
            metrics = Metrics(
                durationMs: (report.durationMs * 100).rounded() / 100, billedDurationMs: report.billedDurationMs,
                memorySizeMB: report.memorySizeMB, maxMemoryUsedMB: report.maxMemoryUsedMB,
                initDurationMs: report.initDurationMs.map { ($0 * 100).rounded() / 100 })
            switch report.status {
            case .success: (status, errorType) = ("success", nil)
            case .timeout: (status, errorType) = ("timeout", nil)
            case .error(let type): (status, errorType) = ("error", type)
            }
        }
    }
}

/// `12.34`: the precision of Lambda's durations.
func twoDecimals(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}
