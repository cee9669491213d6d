#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import LambdaSystem

/// A process started with `posix_spawn` in its own process group, its stdout and stderr forwarded to a
/// `LogSink` and its exit reported once, from threads of its own.
public final class ChildProcess: Sendable {
    public let pid: pid_t
    /// Set once the process is reaped: from then on its pid may belong to someone else.
    private let reaped = Mutex(false)

    private init(pid: pid_t) {
        self.pid = pid
    }

    /// Starts `executable` with exactly `environment` (nothing is inherited) and stdin on `/dev/null`.
    public static func spawn(
        executable: String,
        arguments: [String] = [],
        environment: [String: String],
        output: any LogSink,
        onExit: @escaping @Sendable (ProcessExit) -> Void
    ) throws(SpawnError) -> ChildProcess {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw SpawnError(executable: executable, errno: errno) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        // Neither end may leak into other runtimes started later (Glibc does not export `pipe2`).
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, STDERR_FILENO)
        closeInheritedDescriptors(&actions)

        // Its own process group, so a kill reaches whatever it started; default signal dispositions and
        // an empty mask, because the emulator (NIO) ignores SIGPIPE and children would inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw SpawnError(executable: executable, errno: spawned)
        }
        let process = ChildProcess(pid: pid)
        runOnDetachedThread { forward(readEnd, to: output) }
        runOnDetachedThread { onExit(process.waitForExit()) }
        return process
    }

    /// SIGKILLs the process group, as Lambda does to a runtime without extensions. Safe after exit.
    public func kill() {
        reaped.withLock { reaped in
            if !reaped { _ = Glibc.kill(-pid, SIGKILL) }
        }
    }

    /// The process's peak resident memory (VmHWM) in MB, rounded up; nil once it is gone.
    public func peakMemoryMB() -> Int? {
        let fd = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return nil }
        let status = String(decoding: buffer[..<count], as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return (kilobytes + 1023) / 1024
    }

    /// Blocks until the process ends. The zombie is inspected before it is reaped, so `kill` never signals
    /// a recycled pid.
    private func waitForExit() -> ProcessExit {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        var status: Int32 = 0
        reaped.withLock { reaped in
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            reaped = true
        }
        return ProcessExit(waitStatus: status)
    }
}

/// NIO's listening sockets are not close-on-exec: a runtime that inherited one would keep the emulator's
/// port bound after the emulator is gone. So the child closes every descriptor above stderr, with glibc's
/// `posix_spawn_file_actions_addclosefrom_np` (2.34+; Swift's Glibc module does not import it), or else
/// one by one, as listed in /proc/self/fd.
private func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        return
    }
    guard let directory = opendir("/proc/self/fd") else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if let fd = Int32(name), fd > STDERR_FILENO { posix_spawn_file_actions_addclose(&actions, fd) }
    }
}

/// Copies everything the process writes until it (and anything it started) closes the pipe.
private func forward(_ fd: Int32, to output: any LogSink) {
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.withUnsafeBytes { output.write(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        } else if count < 0 && errno == EINTR {
            continue
        } else {
            break
        }
    }
    close(fd)
}

public struct SpawnError: Error, CustomStringConvertible {
    public let executable: String
    public let errno: Int32

    /// Worded like Lambda's `Runtime.InvalidEntrypoint` messages: `fork/exec PATH: no such file or directory`.
    public var description: String {
        "fork/exec \(executable): " + String(cString: strerror(errno)).lowercased()
    }
}
