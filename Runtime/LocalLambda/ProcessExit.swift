#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a process ended, worded as Lambda words it in `Runtime exited with error: …`.
public enum ProcessExit: Sendable, Equatable, CustomStringConvertible {
    case exited(code: Int32)
    case signalled(Int32)

    init(waitStatus status: Int32) {
        // The W* macros are not imported into Swift; these are their Linux definitions.
        let signal = status & 0x7f
        self = signal == 0 ? .exited(code: (status >> 8) & 0xff) : .signalled(signal)
    }

    public var description: String {
        switch self {
        case .exited(let code):
            return "exit status \(code)"
        case .signalled(let signal):
            guard let name = strsignal(signal).map({ String(cString: $0) }), let first = name.first else {
                return "signal: \(signal)"
            }
            return "signal: " + first.lowercased() + name.dropFirst()
        }
    }
}
