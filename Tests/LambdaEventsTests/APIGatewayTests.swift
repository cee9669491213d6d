import LambdaEvents
import LambdaTesting
import Testing

@Suite struct APIGatewayTests {
    struct TestBody: Codable, Equatable {
        let test: String
    }

    @Test func decodesTheRESTProxySample() throws {
        let request = try Fixtures.decode(APIGatewayProxyRequest.self, "samples/apigateway-aws-proxy.json")
        #expect(request.resource == "/{proxy+}")
        #expect(request.path == "/path/to/resource")
        #expect(request.httpMethod == "POST")
        #expect(request.isBase64Encoded)
        #expect(request.queryStringParameters == ["foo": "bar"])
        #expect(request.multiValueQueryStringParameters == ["foo": ["bar"]])
        #expect(request.pathParameters == ["proxy": "/path/to/resource"])
        #expect(request.stageVariables == ["baz": "qux"])
        #expect(request.multiValueHeaders?["X-Forwarded-Port"] == ["443"])
        let context = request.requestContext
        #expect(context.accountId == "123456789012")
        #expect(context.apiId == "1234567890")
        #expect(context.stage == "prod")
        #expect(context.requestId == "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
        #expect(context.httpMethod == "POST")
        #expect(context.path == "/prod/path/to/resource")
        #expect(context.resourcePath == "/{proxy+}")
        #expect(context.requestTimeEpoch == 1_428_582_896_000)
        #expect(context.identity?.sourceIp == "127.0.0.1")
        #expect(context.identity?.userAgent == "Custom User Agent String")
        #expect(context.identity?.cognitoIdentityId == nil)
    }

    @Test func looksUpHeadersCaseInsensitively() throws {
        let request = try Fixtures.decode(APIGatewayProxyRequest.self, "samples/apigateway-aws-proxy.json")
        #expect(request.header("User-Agent") == "Custom User Agent String")
        #expect(request.header("user-agent") == "Custom User Agent String")
        #expect(request.header("X-FORWARDED-PROTO") == "https")
        #expect(request.header("Authorization") == nil)
    }

    @Test func decodesABase64Body() throws {
        let request = try Fixtures.decode(APIGatewayProxyRequest.self, "samples/apigateway-aws-proxy.json")
        #expect(try request.bodyBytes() == Array(#"{"test":"body"}"#.utf8))
        #expect(try request.decodeBody(as: TestBody.self) == TestBody(test: "body"))
    }

    @Test func readsAPlainBodyAndReportsBadOrMissingBodies() throws {
        var request = try Fixtures.decode(APIGatewayProxyRequest.self, "samples/apigateway-aws-proxy.json")
        request.isBase64Encoded = false
        request.body = #"{"test":"plain"}"#
        #expect(try request.decodeBody(as: TestBody.self) == TestBody(test: "plain"))

        request.isBase64Encoded = true
        request.body = "%%% not base64"
        #expect(throws: APIGatewayBodyError.invalidBase64) { try request.bodyBytes() }

        request.body = nil
        #expect(try request.bodyBytes() == nil)
        #expect(throws: APIGatewayBodyError.missingBody) { try request.decodeBody(as: TestBody.self) }
    }

    @Test func decodesTheHTTPAPISample() throws {
        let request = try Fixtures.decode(APIGatewayV2Request.self, "samples/apigateway-http-api-proxy.json")
        #expect(request.version == "2.0")
        #expect(request.routeKey == "$default")
        #expect(request.rawPath == "/path/to/resource")
        #expect(request.rawQueryString == "parameter1=value1&parameter1=value2&parameter2=value")
        #expect(request.cookies == ["cookie1", "cookie2"])
        #expect(request.header("header2") == "value1,value2")
        #expect(request.queryStringParameters?["parameter1"] == "value1,value2")
        #expect(request.pathParameters == ["parameter1": "value1"])
        #expect(request.stageVariables?["stageVariable1"] == "value1")
        let context = request.requestContext
        #expect(context.accountId == "123456789012")
        #expect(context.apiId == "api-id")
        #expect(context.requestId == "id")
        #expect(context.stage == "$default")
        #expect(context.timeEpoch == 1_583_348_638_390)
        #expect(context.http == .init(
            method: "POST", path: "/path/to/resource", protocol: "HTTP/1.1", sourceIp: "192.168.0.1/32",
            userAgent: "agent"))
        #expect(context.authorizer?["jwt"]?["claims"]?["claim1"] == "value1")
        #expect(context.authentication?["clientCert"]?["subjectDN"] == "www.example.com")
        #expect(try request.decodeBody(as: TestBody.self) == TestBody(test: "body"))
    }

    @Test func v1JSONResponseCarriesTheEncodedBodyAndContentType() throws {
        let response = try APIGatewayProxyResponse.json(
            TestBody(test: "created"), statusCode: 201, headers: ["content-type": "text/html", "X-Request": "r-1"])
        #expect(response.statusCode == 201)
        #expect(response.headers == ["Content-Type": "application/json", "X-Request": "r-1"])
        #expect(response.body == #"{"test":"created"}"#)
        #expect(!response.isBase64Encoded)
        let json = try LambdaPayload.decode(JSONValue.self, from: LambdaPayload.encode(response))
        #expect(json == [
            "statusCode": 201, "headers": ["Content-Type": "application/json", "X-Request": "r-1"],
            "body": #"{"test":"created"}"#, "isBase64Encoded": false,
        ])
    }

    @Test func v2ResponsesOfferTheSameConstructors() throws {
        let json = try APIGatewayV2Response.json(["ok": true], headers: ["Cache-Control": "no-store"])
        #expect(json == APIGatewayV2Response(
            statusCode: 200, headers: ["Content-Type": "application/json", "Cache-Control": "no-store"],
            body: #"{"ok":true}"#))
        let text = APIGatewayV2Response.text("not found", statusCode: 404)
        #expect(text.headers == ["Content-Type": "text/plain; charset=utf-8"])
        let binary = APIGatewayV2Response.binary([0x89, 0x50, 0x4E, 0x47], contentType: "image/png")
        #expect(binary.body == "iVBORw==")
        #expect(binary.isBase64Encoded)
        var withCookie = APIGatewayV2Response(statusCode: 204)
        withCookie.cookies = ["session=abc; HttpOnly"]
        let encoded = try LambdaPayload.decode(JSONValue.self, from: LambdaPayload.encode(withCookie))
        #expect(encoded == ["statusCode": 204, "cookies": ["session=abc; HttpOnly"], "isBase64Encoded": false])
    }

    @Test func requestsAndResponsesRoundTrip() throws {
        let v1 = try Fixtures.decode(APIGatewayProxyRequest.self, "samples/apigateway-aws-proxy.json")
        #expect(try LambdaPayload.decode(APIGatewayProxyRequest.self, from: LambdaPayload.encode(v1)) == v1)
        let v2 = try Fixtures.decode(APIGatewayV2Request.self, "samples/apigateway-http-api-proxy.json")
        #expect(try LambdaPayload.decode(APIGatewayV2Request.self, from: LambdaPayload.encode(v2)) == v2)
        let response = APIGatewayProxyResponse(
            statusCode: 302, headers: ["Location": "/pets/7"], multiValueHeaders: ["Set-Cookie": ["a=1", "b=2"]])
        #expect(try LambdaPayload.decode(APIGatewayProxyResponse.self, from: LambdaPayload.encode(response)) == response)
    }
}
