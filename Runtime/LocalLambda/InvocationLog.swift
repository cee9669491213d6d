import Synchronization

/// One execution environment's log: everything goes on to the emulator's log, and what is written while
/// an invocation runs (its START/END/REPORT lines and the runtime's output) is also kept for the caller,
/// as Lambda keeps it for `X-Amz-Log-Type: Tail`.
final class InvocationLog: LogSink {
    /// Lambda returns the last 4 KB of an invocation's log.
    static let tailBytes = 4 * 1024

    private let sink: any LogSink
    /// Nil while no invocation runs: output between invocations belongs to none of them.
    private let recorded = Mutex<[UInt8]?>(nil)

    init(forwardingTo sink: any LogSink) {
        self.sink = sink
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        sink.write(bytes)
        recorded.withLock { recorded in
            guard recorded != nil else { return }
            recorded! += bytes
            // Trimmed now and then rather than on every write, so a chatty function costs no quadratic copying.
            if recorded!.count > 4 * Self.tailBytes { recorded!.removeFirst(recorded!.count - Self.tailBytes) }
        }
    }

    func startRecording() {
        recorded.withLock { $0 = [] }
    }

    /// The last `tailBytes` written since `startRecording`.
    func stopRecording() -> [UInt8] {
        let bytes = recorded.withLock { recorded in
            defer { recorded = nil }
            return recorded ?? []
        }
        return Array(bytes.suffix(Self.tailBytes))
    }
}
