/// The lines Lambda itself adds to a function's log around each invocation.
struct PlatformLog: Sendable {
    let sink: any LogSink

    func start(requestID: String) {
        sink.write(line: "START RequestId: \(requestID) Version: $LATEST")
    }

    /// Lambda's `END` and `REPORT` lines; the init duration appears only on the invocation that started
    /// the runtime, and a failure adds its status as Lambda's REPORT does.
    func end(requestID: String, report: Report) {
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
}

/// `12.34`: the precision of Lambda's durations.
func twoDecimals(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}
