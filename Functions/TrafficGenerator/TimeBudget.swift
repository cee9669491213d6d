import LambdaRuntime

/// How much longer the generator may keep sending: the invocation's remaining time less a safety margin,
/// so the report goes out before Lambda's deadline.
protocol TimeBudget: Sendable {
    /// Zero or less once the generator must stop.
    var remaining: Duration { get }
}

struct InvocationBudget: TimeBudget {
    /// The margin is a tenth of the time the invocation had when it started, between `minimumMargin` and
    /// `maximumMargin`: five seconds of a fifteen-minute run, half a second of a three-second one. Winding
    /// down up to 200 visits in flight and sending the report takes a few hundred milliseconds on a busy
    /// machine, so the floor matters more than the ceiling. It never takes more than half the time.
    static let maximumMargin = Duration.seconds(5)
    static let minimumMargin = Duration.milliseconds(500)

    /// The invocation's time left, read again at each `remaining`.
    let timeLeft: @Sendable () -> Duration
    let margin: Duration

    /// `timeLeft` is the invocation's remaining time (a context's `remainingTime`; a fixed value in tests,
    /// which then need no wall clock); the margin comes from its first reading.
    init(timeLeft: @escaping @Sendable () -> Duration) {
        self.timeLeft = timeLeft
        let available = timeLeft()
        margin = min(max(Self.minimumMargin, available / 10), Self.maximumMargin, available / 2)
    }

    init(context: LambdaContext) {
        self.init(timeLeft: { context.remainingTime })
    }

    var remaining: Duration { timeLeft() - margin }
}
