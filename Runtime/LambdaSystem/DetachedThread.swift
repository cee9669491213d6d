#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a fresh, detached OS thread: for work that blocks or loops for a long time (curl's
/// event loop, `waitpid`, `read` on a child's output), which must never occupy a Swift concurrency or NIO
/// event-loop thread. The returned id names the thread while it runs.
@discardableResult
public func runOnDetachedThread(_ body: @escaping @Sendable () -> Void) -> pthread_t {
    final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    var thread = pthread_t()
    let created = pthread_create(&thread, &attributes, { context in
        Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, context)
    precondition(created == 0, "cannot start a thread: pthread_create returned \(created)")
    return thread
}
