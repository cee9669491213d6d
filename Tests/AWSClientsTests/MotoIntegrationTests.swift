import Foundation
import HTTPClient
import Testing

@testable import AWSClients

/// Every operation against moto in server mode, with real SigV4 signing over real HTTP.
@Suite struct DynamoDBIntegrationTests {
    @Test func itemLifecycleWithConditions() async throws {
        let dynamo = DynamoDB(client: try LocalAWS.client(LocalAWS.moto))
        let table = LocalAWS.uniqueName("jobs")
        try await dynamo.createTable(name: table, hashKey: "pk")

        let item: DynamoDB.Item = ["pk": "job#1", "status": "PENDING", "attempts": 0,
                                   "blob": .b([0, 255, 1]), "tags": .ss(["a", "b"]), "meta": .m(["x": .null])]
        try await dynamo.putItem(table: table, item: item, .init(condition: "attribute_not_exists(pk)"))
        #expect(try await dynamo.getItem(table: table, key: ["pk": "job#1"], consistentRead: true) == item)

        let updated = try await dynamo.updateItem(
            table: table, key: ["pk": "job#1"], update: "SET #s = :new ADD attempts :one",
            .init(condition: "#s = :old", names: ["#s": "status"], values: [":new": "RUNNING", ":old": "PENDING", ":one": 1]),
            returnValues: .allNew)
        #expect(updated?["status"] == "RUNNING")
        #expect(updated?["attempts"] == 1)

        // The same transition again: the condition no longer holds.
        let failed = await #expect(throws: DynamoDB.ConditionalCheckFailed.self) {
            try await dynamo.updateItem(
                table: table, key: ["pk": "job#1"], update: "SET #s = :new",
                .init(condition: "#s = :old", names: ["#s": "status"], values: [":new": "RUNNING", ":old": "PENDING"]))
        }
        #expect(failed?.underlying.status == 400)
        await #expect(throws: DynamoDB.ConditionalCheckFailed.self) {
            try await dynamo.putItem(table: table, item: ["pk": "job#1"], .init(condition: "attribute_not_exists(pk)"))
        }

        let old = try await dynamo.deleteItem(table: table, key: ["pk": "job#1"], returnValues: .allOld)
        #expect(old?["status"] == "RUNNING")
        #expect(try await dynamo.getItem(table: table, key: ["pk": "job#1"]) == nil)
        try await dynamo.deleteTable(name: table)
    }

    @Test func transactionsCommitOrCancelWithReasons() async throws {
        let dynamo = DynamoDB(client: try LocalAWS.client(LocalAWS.moto))
        let table = LocalAWS.uniqueName("pets")
        try await dynamo.createTable(name: table, hashKey: "pk")
        try await dynamo.putItem(table: table, item: ["pk": "pet#1", "state": "AVAILABLE"])
        try await dynamo.putItem(table: table, item: ["pk": "pet#2", "state": "ADOPTED"])

        try await dynamo.transactWriteItems([
            .update(table: table, key: ["pk": "pet#1"], update: "SET #s = :held",
                    .init(condition: "#s = :available", names: ["#s": "state"],
                          values: [":held": "HELD", ":available": "AVAILABLE"])),
            .put(table: table, item: ["pk": "hold#1", "pet": "pet#1"], .init(condition: "attribute_not_exists(pk)")),
            .conditionCheck(table: table, key: ["pk": "pet#2"], .init(condition: "attribute_exists(pk)")),
        ])
        #expect(try await dynamo.getItem(table: table, key: ["pk": "pet#1"])?["state"] == "HELD")

        let canceled = await #expect(throws: DynamoDB.TransactionCanceled.self) {
            try await dynamo.transactWriteItems([
                .delete(table: table, key: ["pk": "hold#1"]),
                .update(table: table, key: ["pk": "pet#2"], update: "SET #s = :held",
                        .init(condition: "#s = :available", names: ["#s": "state"],
                              values: [":held": "HELD", ":available": "AVAILABLE"])),
            ])
        }
        #expect(canceled?.reasons.map(\.code) == ["None", "ConditionalCheckFailed"])
        // Nothing of the cancelled transaction was applied.
        #expect(try await dynamo.getItem(table: table, key: ["pk": "hold#1"]) != nil)
    }

    @Test func queryAndScanPaginate() async throws {
        let dynamo = DynamoDB(client: try LocalAWS.client(LocalAWS.moto))
        let table = LocalAWS.uniqueName("events")
        try await dynamo.createTable(name: table, hashKey: "pk", rangeKey: "sk")
        for index in 0..<25 {
            try await dynamo.putItem(table: table, item: ["pk": index < 15 ? "a" : "b", "sk": .s(String(format: "%03d", index))])
        }
        var pages = 0
        var keys: [String] = []
        var startKey: DynamoDB.Item?
        repeat {
            let page = try await dynamo.query(table: table, keyCondition: "pk = :pk", values: [":pk": "a"], limit: 4,
                                              scanForward: false, startKey: startKey)
            keys += page.items.compactMap { $0["sk"]?.string }
            startKey = page.lastEvaluatedKey
            pages += 1
        } while startKey != nil
        #expect(keys == (0..<15).reversed().map { String(format: "%03d", $0) })
        #expect(pages >= 4)
        #expect(try await dynamo.scanAll(table: table).count == 25)
        #expect(try await dynamo.scanAll(table: table, filter: "pk = :b", values: [":b": "b"]).count == 10)
    }

    @Test func missingTableIsAnAWSError() async throws {
        let dynamo = DynamoDB(client: try LocalAWS.client(LocalAWS.moto))
        let error = await #expect(throws: AWSError.self) {
            _ = try await dynamo.getItem(table: "no-such-table", key: ["pk": "x"])
        }
        #expect(error?.code == "ResourceNotFoundException")
        #expect(error?.requestID != nil)
    }
}

@Suite struct S3IntegrationTests {
    @Test func objectLifecycle() async throws {
        let s3 = S3(client: try LocalAWS.client(LocalAWS.moto))
        let bucket = LocalAWS.uniqueName("photos")
        try await s3.createBucket(bucket)
        let key = "pets/ሴ dog+1 (copy).jpg"
        let bytes = Array((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })

        let eTag = try await s3.putObject(bucket: bucket, key: key, body: bytes, contentType: "image/jpeg",
                                          metadata: ["owner": "shelter-7", "pet-id": "42"])
        #expect(eTag?.isEmpty == false)

        let info = try #require(try await s3.headObject(bucket: bucket, key: key))
        #expect(info.contentLength == bytes.count)
        #expect(info.contentType == "image/jpeg")
        #expect(info.metadata == ["owner": "shelter-7", "pet-id": "42"])
        #expect(info.eTag == eTag)

        let object = try #require(try await s3.getObject(bucket: bucket, key: key))
        #expect(object.body == bytes)
        #expect(object.info.metadata["owner"] == "shelter-7")

        #expect(try await s3.headObject(bucket: bucket, key: "missing.txt") == nil)
        #expect(try await s3.getObject(bucket: bucket, key: "missing.txt") == nil)

        try await s3.deleteObject(bucket: bucket, key: key)
        #expect(try await s3.headObject(bucket: bucket, key: key) == nil)
    }

    @Test func missingBucketIsAnXMLError() async throws {
        let s3 = S3(client: try LocalAWS.client(LocalAWS.moto))
        let error = await #expect(throws: AWSError.self) {
            try await s3.putObject(bucket: "no-such-bucket-\(UUID().uuidString.prefix(6).lowercased())", key: "k", body: [])
        }
        #expect(error?.code == "NoSuchBucket")
        #expect(error?.status == 404)
    }
}

@Suite struct ParameterAndSecretIntegrationTests {
    @Test func secureStringParameterIsDecrypted() async throws {
        let client = try LocalAWS.client(LocalAWS.moto)
        let name = "/\(LocalAWS.uniqueName("app"))/db-url"
        struct PutParameter: Encodable {
            // swiftlint:disable identifier_name
            var Name: String
            var Value: String
            var `Type` = "SecureString"
            // swiftlint:enable identifier_name
        }
        let _: EmptyOutput = try await client.sendJSON(.ssm, target: "AmazonSSM.PutParameter",
                                                       input: PutParameter(Name: name, Value: "postgres://secret"))
        let parameter = try await SSM(client: client).getParameter(name: name)
        #expect(parameter == SSM.Parameter(name: name, type: "SecureString", value: "postgres://secret", version: 1))
        let encrypted = try await SSM(client: client).getParameter(name: name, withDecryption: false)
        #expect(encrypted.value != "postgres://secret")

        let missing = await #expect(throws: AWSError.self) { _ = try await SSM(client: client).getParameter(name: "/nope") }
        #expect(missing?.code == "ParameterNotFound")
    }

    @Test func secretValue() async throws {
        let client = try LocalAWS.client(LocalAWS.moto)
        let name = LocalAWS.uniqueName("app/secret")
        // swiftlint:disable:next identifier_name
        struct CreateSecret: Encodable { var Name: String; var SecretString: String }
        let _: EmptyOutput = try await client.sendJSON(
            .secretsManager, target: "secretsmanager.CreateSecret",
            input: CreateSecret(Name: name, SecretString: #"{"user":"u","password":"p"}"#))
        let secret = try await SecretsManager(client: client).getSecretValue(secretID: name)
        #expect(secret.name == name)
        #expect(secret.secretString == #"{"user":"u","password":"p"}"#)
        #expect(secret.arn.hasPrefix("arn:aws:secretsmanager:us-east-1:"))

        let missing = await #expect(throws: AWSError.self) {
            _ = try await SecretsManager(client: client).getSecretValue(secretID: "no/such/secret")
        }
        #expect(missing?.code == "ResourceNotFoundException")
    }
}

@Suite struct MessagingIntegrationTests {
    @Test func sqsSendReceiveDelete() async throws {
        let sqs = SQS(client: try LocalAWS.client(LocalAWS.moto))
        let queue = try await sqs.createQueue(name: LocalAWS.uniqueName("jobs"))
        let id = try await sqs.sendMessage(queueURL: queue, body: #"{"job":"1","note":"ሴ"}"#,
                                           attributes: ["kind": .init(stringValue: "adoption")])
        let messages = try await sqs.receiveMessages(queueURL: queue, maxMessages: 10, waitSeconds: 1)
        #expect(messages.map(\.messageID) == [id])
        #expect(messages.first?.body == #"{"job":"1","note":"ሴ"}"#)
        #expect(messages.first?.messageAttributes?["kind"]?.stringValue == "adoption")
        #expect(messages.first?.attributes?["ApproximateReceiveCount"] == "1")

        try await sqs.deleteMessage(queueURL: queue, receiptHandle: messages[0].receiptHandle)
        #expect(try await sqs.receiveMessages(queueURL: queue, maxMessages: 10, visibilityTimeout: 0).isEmpty)
    }

    @Test func eventBridgeDeliversMatchingEventsToSQS() async throws {
        let client = try LocalAWS.client(LocalAWS.moto)
        let sqs = SQS(client: client)
        let queueName = LocalAWS.uniqueName("events")
        let queue = try await sqs.createQueue(name: queueName)
        let bus = LocalAWS.uniqueName("bus")
        let rule = LocalAWS.uniqueName("rule")
        // swiftlint:disable identifier_name
        struct CreateBus: Encodable { var Name: String }
        struct PutRule: Encodable { var Name: String; var EventBusName: String; var EventPattern: String }
        struct Target: Encodable { var Id: String; var Arn: String }
        struct PutTargets: Encodable { var Rule: String; var EventBusName: String; var Targets: [Target] }
        // swiftlint:enable identifier_name
        let _: EmptyOutput = try await client.sendJSON(.eventBridge, target: "AWSEvents.CreateEventBus",
                                                       input: CreateBus(Name: bus))
        let _: EmptyOutput = try await client.sendJSON(.eventBridge, target: "AWSEvents.PutRule", input: PutRule(
            Name: rule, EventBusName: bus, EventPattern: #"{"source":["pets.adoption"],"detail-type":["AdoptionCompleted"]}"#))
        let _: EmptyOutput = try await client.sendJSON(.eventBridge, target: "AWSEvents.PutTargets", input: PutTargets(
            Rule: rule, EventBusName: bus, Targets: [Target(Id: "q", Arn: "arn:aws:sqs:us-east-1:123456789012:\(queueName)")]))

        struct Adoption: Codable, Equatable { var petID: Int }
        let result = try await EventBridge(client: client).putEvents([
            try .init(source: "pets.adoption", detailType: "AdoptionCompleted", detail: Adoption(petID: 42), eventBusName: bus),
            try .init(source: "other.app", detailType: "AdoptionCompleted", detail: Adoption(petID: 43), eventBusName: bus),
        ])
        #expect(result.failedEntryCount == 0)
        #expect(result.entries.count == 2)
        #expect(result.entries.allSatisfy { $0.eventID != nil })

        let messages = try await sqs.receiveMessages(queueURL: queue, maxMessages: 10, waitSeconds: 2)
        try #require(messages.count == 1, "only the matching event is delivered")
        struct Envelope: Decodable { var source: String; var detail: Adoption }
        let envelope = try JSONDecoder().decode(Envelope.self, from: Data(messages[0].body.utf8))
        #expect(envelope.source == "pets.adoption")
        #expect(envelope.detail == Adoption(petID: 42))
    }
}

@Suite struct CognitoIntegrationTests {
    @Test func adminCreateUserAndDuplicate() async throws {
        let client = try LocalAWS.client(LocalAWS.moto)
        // swiftlint:disable identifier_name
        struct CreatePool: Encodable { var PoolName: String }
        struct Pool: Decodable { var Id: String }
        struct Created: Decodable { var UserPool: Pool }
        // swiftlint:enable identifier_name
        let created: Created = try await client.sendJSON(
            .cognitoIdentityProvider, target: "AWSCognitoIdentityProviderService.CreateUserPool",
            input: CreatePool(PoolName: LocalAWS.uniqueName("adopters")))
        let cognito = CognitoIdentityProvider(client: client)
        let user = try await cognito.adminCreateUser(
            userPoolID: created.UserPool.Id, username: "alice",
            attributes: ["email": "alice@example.com", "email_verified": "true"])
        #expect(user.username == "alice")
        #expect(user.attributes["email"] == "alice@example.com")
        #expect(user.status == "FORCE_CHANGE_PASSWORD")

        await #expect(throws: CognitoIdentityProvider.UsernameExists.self) {
            _ = try await cognito.adminCreateUser(userPoolID: created.UserPool.Id, username: "alice")
        }
    }
}

/// moto in IAM mode really checks signatures: a key it issued works, the same key with a wrong secret fails.
@Suite struct SignatureVerificationTests {
    static let iam = AWSService(signingName: "iam", hostPrefix: "iam", environmentName: "IAM")

    @Test func correctKeyPassesAndWrongSecretIsRejected() async throws {
        let bootstrap = try LocalAWS.client(LocalAWS.authenticatingMoto)
        // The three unauthenticated actions: a user, a policy allowing everything, an access key.
        for action in ["Action=CreateUser&UserName=tester",
                       "Action=PutUserPolicy&UserName=tester&PolicyName=all&PolicyDocument="
                           + URIEncoding.encode(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)] {
            _ = try await bootstrap.send(iamCall(action))
        }
        let keyXML = try await bootstrap.send(iamCall("Action=CreateAccessKey&UserName=tester")).text
        let keyID = try #require(XMLText.firstValue(of: "AccessKeyId", in: keyXML))
        let secret = try #require(XMLText.firstValue(of: "SecretAccessKey", in: keyXML))

        let good = try LocalAWS.client(LocalAWS.authenticatingMoto, environment: [
            "AWS_ACCESS_KEY_ID": keyID, "AWS_SECRET_ACCESS_KEY": secret])
        let table = LocalAWS.uniqueName("auth")
        try await DynamoDB(client: good).createTable(name: table, hashKey: "pk")
        try await DynamoDB(client: good).putItem(table: table, item: ["pk": "ok"])

        let bad = try LocalAWS.client(LocalAWS.authenticatingMoto, environment: [
            "AWS_ACCESS_KEY_ID": keyID, "AWS_SECRET_ACCESS_KEY": secret + "x"])
        let error = await #expect(throws: AWSError.self) {
            _ = try await DynamoDB(client: bad).getItem(table: table, key: ["pk": "ok"])
        }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(error?.status == 403)
    }

    private func iamCall(_ form: String) -> AWSClient.Call {
        AWSClient.Call(service: Self.iam, method: .post, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                       body: Array((form + "&Version=2010-05-08").utf8))
    }
}
