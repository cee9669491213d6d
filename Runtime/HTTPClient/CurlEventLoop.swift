import CCurl
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LambdaSystem

/// One thread driving every transfer of a client through a curl multi handle.
///
/// Callers hand transfers over through a locked inbox and wake the thread with `curl_multi_wakeup`;
/// the thread alone touches the multi handle and the easy handles inside it. The multi handle keeps
/// the connection and DNS caches, so consecutive requests to a host reuse a connection.
///
/// The thread starts with the first transfer, not with the client: a function makes its clients during
/// Lambda's init, and a thread started then competes for the one CPU with the runtime's first `/next`
/// (0.3–0.5 ms of the cold start) for work that comes only once an invocation needs it.
final class CurlEventLoop: @unchecked Sendable {
    private struct Inbox {
        var added: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var stopping = false
        var threadStarted = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    /// Transfers inside the multi handle, by easy handle. Event thread only.
    private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init() {
        multi = curl_multi_init()
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX)
    }

    deinit {
        curl_multi_cleanup(multi)
    }

    private func startThread() {
        runOnDetachedThread { self.run() }
    }

    func submit(_ transfer: CurlTransfer) {
        let isFirst = inbox.withLock { inbox in
            inbox.added.append(transfer)
            defer { inbox.threadStarted = true }
            return !inbox.threadStarted
        }
        if isFirst { startThread() }
        curl_multi_wakeup(multi)
    }

    func cancel(_ transfer: CurlTransfer) {
        transfer.cancelRequested.store(true, ordering: .releasing)
        inbox.withLock { $0.cancelled.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Ends the thread, if it started, once the transfers in flight have finished.
    func stop() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    private func run() {
        var stillRunning: Int32 = 0
        while true {
            let stopping = takeInbox()
            curl_multi_perform(multi, &stillRunning)
            collectFinished()
            if stopping && running.isEmpty { return }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func takeInbox() -> Bool {
        let inbox = inbox.withLock { inbox in
            defer { inbox.added = []; inbox.cancelled = [] }
            return inbox
        }
        for transfer in inbox.added {
            // A cancellation may have come before the transfer reached the thread.
            guard let easy = transfer.easy, !transfer.cancelRequested.load(ordering: .acquiring) else {
                transfer.finishCancelled()
                transfer.releaseHandle()
                continue
            }
            running[easy] = transfer
            curl_multi_add_handle(multi, easy)
        }
        for transfer in inbox.cancelled {
            guard let easy = transfer.easy, running[easy] === transfer else { continue }
            remove(easy)
            transfer.finishCancelled()
            transfer.releaseHandle()
        }
        return inbox.stopping
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = running[easy] else { continue }
            let code = message.pointee.data.result
            remove(easy)
            transfer.finish(code)
            transfer.releaseHandle()
        }
    }

    private func remove(_ easy: UnsafeMutableRawPointer) {
        curl_multi_remove_handle(multi, easy)
        running[easy] = nil
    }
}
