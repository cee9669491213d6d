import AWSClients

/// The Cognito user pool named by `USER_POOL_ID`.
struct CognitoUserDirectory: UserDirectory {
    let cognito: CognitoIdentityProvider
    let userPoolID: String

    func createUser(username: String, email: String, fullName: String) async throws -> Bool {
        do {
            // SUPPRESS: these are made-up customers; no invitation email may go out.
            _ = try await cognito.adminCreateUser(
                userPoolID: userPoolID, username: username,
                attributes: ["email": email, "email_verified": "true", "name": fullName], suppressMessage: true)
            return true
        } catch is CognitoIdentityProvider.UsernameExists {
            return false
        }
    }
}
