import AWSClients
import HTTPClient
import LambdaRuntime

Lambda.run { context in
    let aws = AWSClient(environment: context.environment.variables, logger: context.logger)
    return TrafficGeneratorHandler(
        settings: try TrafficSettings(environment: context.environment),
        parameters: SSMParameterStore(ssm: SSM(client: aws)),
        browser: CurlPetSiteBrowser(client: .shared))
}
