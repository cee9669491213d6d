/// Walks journeys against the site: up to `maxInFlight` at once, each one's steps in order.
///
/// New journeys stop starting once the time budget is spent, and a journey in flight stops before its next
/// step; what was done is still tallied, so the invocation always returns a report.
struct TrafficRunner: Sendable {
    let browser: any PetSiteBrowser
    let maxInFlight: Int
    /// The most one request may take (less when the budget has less left).
    var stepTimeout: Duration = .seconds(10)

    func run(_ journeys: [Journey], at siteURL: String, budget: some TimeBudget) async -> TrafficTally {
        await withTaskGroup(of: TrafficTally.self) { group in
            var pending = journeys.makeIterator()
            var total = TrafficTally()
            func startNext() -> Bool {
                guard budget.remaining > .zero, let journey = pending.next() else { return false }
                group.addTask { await walk(journey, at: siteURL, budget: budget) }
                return true
            }
            var started = 0
            while started < maxInFlight, startNext() { started += 1 }
            while let finished = await group.next() {
                total.merge(finished)
                _ = startNext()
            }
            return total
        }
    }

    func walk(_ journey: Journey, at siteURL: String, budget: some TimeBudget) async -> TrafficTally {
        let visit = browser.startVisit(at: siteURL)
        var tally = TrafficTally()
        for step in journey.steps {
            let left = budget.remaining
            guard left > .zero else {
                tally.record(.cutShort)
                return tally
            }
            do {
                tally.record(path: step.path, answer: try await visit.send(step, timeout: min(stepTimeout, left)))
            } catch where budget.remaining <= .zero {
                // The request ran into the deadline: the time budget, not the site, ended this visit.
                tally.record(.cutShort)
                return tally
            } catch {
                tally.recordNoResponse(path: step.path)
                tally.record(.failed)
                return tally
            }
        }
        tally.record(.completed)
        return tally
    }
}
