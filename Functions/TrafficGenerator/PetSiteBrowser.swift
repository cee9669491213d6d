/// What a visitor's browser does for the generator: one `PetSiteVisit` per journey, with its own cookies.
protocol PetSiteBrowser: Sendable {
    func startVisit(at siteURL: String) -> any PetSiteVisit
}

/// One browser session: cookies set by earlier answers go with later requests, redirects are followed.
protocol PetSiteVisit: Sendable {
    /// Sends the step and answers with the final response after redirects.
    /// Throws when no response arrives at all (connection refused, timed out, too many redirects).
    func send(_ step: PetSiteStep, timeout: Duration) async throws -> PetSiteAnswer
}

struct PetSiteAnswer: Sendable, Equatable {
    var status: Int
    /// Whether a redirect was followed to get here (the final URL differs from the step's).
    var redirected: Bool
}
