import AWSClients

/// Parameters from SSM Parameter Store (SecureString values decrypted).
struct SSMParameterStore: ParameterStore {
    let ssm: SSM

    func value(ofParameter name: String) async throws -> String {
        try await ssm.getParameter(name: name).value
    }
}
