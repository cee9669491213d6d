#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCurl
import LambdaSystem

/// Runs one easy handle's request to completion, blocking the calling thread: what
/// `curl_easy_perform` does, minus the system calls it spends on its own bookkeeping.
///
/// `curl_easy_perform` waits in `curl_multi_poll`, which also watches a wake-up socket pair, and after
/// every wait asks the kernel again which socket is ready. Driving curl's multi-socket interface
/// instead, the runtime polls exactly the sockets curl names and tells curl what they are ready for:
/// per warm invocation that is 10 system calls instead of 14, the same HTTP.
final class BlockingTransfer {
    private let multi: UnsafeMutableRawPointer
    /// The sockets curl wants watched, with the `poll` events for each (usually one socket).
    private var watched: [pollfd] = []
    /// curl's timer, a one-shot: when (monotonic milliseconds) it wants `CURL_SOCKET_TIMEOUT`, if ever.
    private var timerDeadline: Int?

    init() {
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.multi = multi
        let context = Unmanaged.passUnretained(self).toOpaque()
        ccurl_multi_setopt_socketfunction(multi, { _, socket, what, context, _ in
            Unmanaged<BlockingTransfer>.fromOpaque(context!).takeUnretainedValue().watch(socket, what: what)
            return 0
        }, context)
        ccurl_multi_setopt_timerfunction(multi, { _, milliseconds, context in
            let transfer = Unmanaged<BlockingTransfer>.fromOpaque(context!).takeUnretainedValue()
            transfer.timerDeadline = milliseconds < 0 ? nil : BlockingTransfer.now() + milliseconds
            return 0
        }, context)
    }

    deinit {
        curl_multi_cleanup(multi)
    }

    /// Performs the request `easy` is set up for; curl's result code, as `curl_easy_perform` returns it.
    func perform(_ easy: UnsafeMutableRawPointer) -> CURLcode {
        let added = curl_multi_add_handle(multi, easy)
        guard added == CURLM_OK else { return CURLE_FAILED_INIT }
        defer { curl_multi_remove_handle(multi, easy) }

        while true {
            if let result = finishedResult() { return result }
            if watched.isEmpty && timerDeadline == nil {
                // Nothing to wait for and no timer, yet not finished: curl never leaves a transfer so,
                // but if it did, polling it again soon beats waiting forever on nothing.
                timerDeadline = Self.now() + 1
            }
            var wait: Int32 = -1  // no timer: wait for a socket as long as it takes (`/next` may take hours)
            if let deadline = timerDeadline {
                let left = deadline - Self.now()
                if left <= 0 {
                    timerDeadline = nil  // fired; curl sets a new one if it needs one
                    act(on: CURL_SOCKET_TIMEOUT, events: 0)
                    continue
                }
                wait = Int32(clamping: left)
            }
            let ready = poll(&watched, nfds_t(watched.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return CURLE_RECV_ERROR
            }
            if ready == 0 { continue }  // the timer is due: handled at the top
            // `act` may change `watched` (curl closes or opens sockets): act on a snapshot.
            for entry in watched where entry.revents != 0 {
                act(on: entry.fd, events: Int32(entry.revents))
            }
        }
    }

    private static func now() -> Int {
        Int(SystemClock.monotonicNanoseconds() / 1_000_000)
    }

    private func act(on socket: curl_socket_t, events: Int32) {
        var bitmask: Int32 = 0
        if events & Int32(POLLIN | POLLPRI) != 0 { bitmask |= CURL_CSELECT_IN }
        if events & Int32(POLLOUT) != 0 { bitmask |= CURL_CSELECT_OUT }
        if events & Int32(POLLERR | POLLHUP | POLLNVAL) != 0 { bitmask |= CURL_CSELECT_ERR }
        var running: Int32 = 0
        curl_multi_socket_action(multi, socket, bitmask, &running)
    }

    private func finishedResult() -> CURLcode? {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            if message.pointee.msg == CURLMSG_DONE { return ccurl_message_result(message) }
        }
        return nil
    }

    /// curl's socket callback: what to watch `socket` for from now on.
    private func watch(_ socket: curl_socket_t, what: Int32) {
        var events: Int16 = 0
        if what == CURL_POLL_IN || what == CURL_POLL_INOUT { events |= Int16(POLLIN) }
        if what == CURL_POLL_OUT || what == CURL_POLL_INOUT { events |= Int16(POLLOUT) }
        watched.removeAll { $0.fd == socket }
        if what != CURL_POLL_REMOVE { watched.append(pollfd(fd: socket, events: events, revents: 0)) }
    }
}
