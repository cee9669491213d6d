/// Delivers a custom resource's answer to CloudFormation.
protocol CustomResourceResponder: Sendable {
    /// PUTs `body` to the request's presigned `ResponseURL`; throws unless the URL answered 2xx.
    func send(_ body: [UInt8], to responseURL: String) async throws
}
