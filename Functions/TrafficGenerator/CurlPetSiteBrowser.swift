import HTTPClient

/// Visits on the shared curl client: one cookie session per visit, redirects followed as a browser does
/// (at most five; 301/302/303 turn a POST into a GET).
struct CurlPetSiteBrowser: PetSiteBrowser {
    static let maximumRedirects = 5
    static let userAgent = "swift-pet-lambdas-traffic-generator/1"

    let client: HTTPClient

    func startVisit(at siteURL: String) -> any PetSiteVisit {
        Visit(client: client, siteURL: siteURL, cookies: HTTPCookieSession())
    }

    struct Visit: PetSiteVisit {
        let client: HTTPClient
        let siteURL: String
        let cookies: HTTPCookieSession

        func send(_ step: PetSiteStep, timeout: Duration) async throws -> PetSiteAnswer {
            let url = siteURL + step.target
            var request = HTTPRequest(
                method: HTTPMethod(rawValue: step.method.rawValue), url: url,
                headers: ["User-Agent": CurlPetSiteBrowser.userAgent],
                timeout: timeout, redirects: .follow(max: CurlPetSiteBrowser.maximumRedirects), cookies: cookies)
            if let body = step.encodedBody() {
                request.headers.set("Content-Type", body.contentType)
                request.body = body.bytes
            }
            let response = try await client.request(request)
            return PetSiteAnswer(status: response.status, redirected: response.url != url)
        }
    }
}
