enum TrafficGeneratorError: Error, CustomStringConvertible {
    case invalidConcurrentUsers(source: String, value: String)
    case invalidSiteURL(parameter: String, value: String)

    var description: String {
        switch self {
        case .invalidConcurrentUsers(let source, let value):
            "\(source) must be a whole number from 1 to \(TrafficSettings.maximumUsers), got \(value)"
        case .invalidSiteURL(let parameter, let value):
            "parameter \(parameter) must hold the pet site's http(s) URL, got \"\(value)\""
        }
    }
}
