/// Observability around each invocation: tracing and metrics plug in here, so the loop names one hook
/// instead of knowing every exporter.
///
/// `around` wraps the handler's part of an invocation (a span, task locals, a cold-start mark);
/// `afterPost` runs once the result is posted and before the next `/next`, so the caller never waits for
/// telemetry and an exporter's cost stays inside the invocation's own environment time.
/// Implementations must be cheap when they have nothing to do: the hooks run on every invocation.
package protocol InvocationTelemetry: Sendable {
    func around(_ context: LambdaContext, _ handler: () async -> RuntimeReply) async -> RuntimeReply
    func afterPost(_ context: LambdaContext, reply: RuntimeReply)
}

/// The hooks the runtime installs, applied in order (the first one's `around` is the outermost).
package struct TelemetryHooks: Sendable {
    package var hooks: [any InvocationTelemetry]

    package init(_ hooks: [any InvocationTelemetry] = []) {
        self.hooks = hooks
    }

    package func around(_ context: LambdaContext, _ handler: () async -> RuntimeReply) async -> RuntimeReply {
        await wrap(hooks[...], context, handler)
    }

    private func wrap(
        _ remaining: ArraySlice<any InvocationTelemetry>, _ context: LambdaContext,
        _ handler: () async -> RuntimeReply
    ) async -> RuntimeReply {
        guard let first = remaining.first else { return await handler() }
        return await first.around(context) { await wrap(remaining.dropFirst(), context, handler) }
    }

    package func afterPost(_ context: LambdaContext, reply: RuntimeReply) {
        for hook in hooks { hook.afterPost(context, reply: reply) }
    }
}
