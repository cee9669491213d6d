/// The sign-in directory (a Cognito user pool) that also gets each new customer.
protocol UserDirectory: Sendable {
    /// Creates the user without sending an invitation; returns false when the username existed already
    /// (a redelivery), which is not an error.
    func createUser(username: String, email: String, fullName: String) async throws -> Bool
}
