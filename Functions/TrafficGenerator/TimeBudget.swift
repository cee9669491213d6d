import LambdaRuntime

/// How much longer the generator may keep sending: the invocation's remaining time less a safety margin,
/// so the report goes out before Lambda's deadline.
protocol TimeBudget: Sendable {
    /// Zero or less once the generator must stop.
    var remaining: Duration { get }
}

struct InvocationBudget: TimeBudget {
    /// The margin is a tenth of the time the invocation had when it started, at most `maximumMargin`:
    /// five seconds of a fifteen-minute run, a third of a second of a three-second one.
    static let maximumMargin = Duration.seconds(5)

    let context: LambdaContext
    let margin: Duration

    init(context: LambdaContext) {
        self.context = context
        margin = min(Self.maximumMargin, context.remainingTime / 10)
    }

    var remaining: Duration { context.remainingTime - margin }
}
