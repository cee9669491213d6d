import Foundation
import LambdaTesting
import Synchronization
@testable import TrafficGenerator

/// A browser that answers from a rule and remembers what it was asked, per visit.
final class RecordingBrowser: PetSiteBrowser, @unchecked Sendable {
    struct Sent: Equatable {
        var visit: Int
        var method: String
        var target: String
    }

    private let state = Mutex<(visits: Int, inFlight: Int, maxInFlight: Int, sent: [Sent])>((0, 0, 0, []))
    let answer: @Sendable (PetSiteStep) throws -> PetSiteAnswer
    let delay: Duration

    init(delay: Duration = .zero,
         answer: @escaping @Sendable (PetSiteStep) throws -> PetSiteAnswer = { _ in PetSiteAnswer(status: 200, redirected: false) }) {
        self.delay = delay
        self.answer = answer
    }

    var sent: [Sent] { state.withLock { $0.sent } }
    var visits: Int { state.withLock { $0.visits } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    func startVisit(at siteURL: String) -> any PetSiteVisit {
        let number = state.withLock { state in
            state.visits += 1
            return state.visits
        }
        return Visit(browser: self, number: number)
    }

    struct Visit: PetSiteVisit {
        let browser: RecordingBrowser
        let number: Int

        func send(_ step: PetSiteStep, timeout: Duration) async throws -> PetSiteAnswer {
            browser.state.withLock { state in
                state.sent.append(Sent(visit: number, method: step.method.rawValue, target: step.target))
                state.inFlight += 1
                state.maxInFlight = max(state.maxInFlight, state.inFlight)
            }
            defer { browser.state.withLock { $0.inFlight -= 1 } }
            if browser.delay > .zero { try await Task.sleep(for: browser.delay) }
            return try browser.answer(step)
        }
    }
}

/// A budget with time for `checks` more looks, then none: the generator's view of a deadline, minus the clock.
final class CountdownBudget: TimeBudget, @unchecked Sendable {
    private let checksLeft: Mutex<Int>

    init(checks: Int) { checksLeft = Mutex(checks) }

    var remaining: Duration {
        checksLeft.withLock { left in
            left -= 1
            return left >= 0 ? .seconds(60) : .zero
        }
    }
}

struct Unlimited: TimeBudget {
    var remaining: Duration { .seconds(60) }
}

final class FixedParameters: ParameterStore, @unchecked Sendable {
    let values: [String: String]
    private let readCount = Mutex(0)

    init(values: [String: String]) { self.values = values }

    var reads: Int { readCount.withLock { $0 } }

    func value(ofParameter name: String) async throws -> String {
        readCount.withLock { $0 += 1 }
        guard let value = values[name] else { throw MissingParameter(name: name) }
        return value
    }

    struct MissingParameter: Error { let name: String }
}

let journeyPaths = [
    "GET /", "GET /", "GET /Adoption", "GET /Payment", "GET /FoodService", "POST /FoodService/AddToCart",
    "GET /FoodService/GetCartCount", "POST /Checkout/RemoveItem", "POST /FoodService/AddToCart",
    "POST /Checkout/ClearCart", "POST /FoodService/AddToCart", "GET /Checkout", "POST /Checkout/PayAndCheckOut",
]
