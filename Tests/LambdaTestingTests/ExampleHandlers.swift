import LambdaEvents
import LambdaRuntime
import Logging

/// Takes adoption fee payments from an SQS queue. Shows the batch helper and safe logging: the card number
/// is never logged, only its last four digits.
struct FeePaymentHandler: LambdaHandler {
    struct Payment: Decodable {
        let adoptionId: String
        let cardNumber: String
        let amount: Double
    }

    struct Declined: Error, CustomStringConvertible {
        let adoptionId: String
        var description: String { "payment for \(adoptionId) declined" }
    }

    func handle(_ event: SQSEvent, context: LambdaContext) async throws -> SQSBatchResponse {
        let result = await event.processRecords { message in
            let payment = try message.decodeBody(as: Payment.self)
            context.logger.info(
                "charging", metadata: ["adoptionId": "\(payment.adoptionId)", "card": "…\(payment.cardNumber.suffix(4))"])
            guard payment.amount <= 500 else { throw Declined(adoptionId: payment.adoptionId) }
        }
        for failure in result.failures {
            context.logger.error(
                "record failed", error: failure.error, metadata: ["messageId": "\(failure.message.messageId)"])
        }
        return result.response
    }
}

/// Answers `GET /pets/{id}` behind an HTTP API. Shows the API Gateway request and response conveniences.
struct PetLookupHandler: LambdaHandler {
    struct Pet: Codable, Equatable {
        let id: String
        let name: String
    }

    let pets: [String: Pet]

    init(context: LambdaInitContext) throws {
        let shelter = try context.environment.required("SHELTER_NAME")
        context.logger.info("serving pets", metadata: ["shelter": "\(shelter)"])
        pets = ["p-7": Pet(id: "p-7", name: "Rex")]
    }

    func handle(_ event: APIGatewayV2Request, context: LambdaContext) async throws -> APIGatewayV2Response {
        guard let id = event.pathParameters?["id"], let pet = pets[id] else {
            return .text("no such pet", statusCode: 404)
        }
        return try .json(pet)
    }
}

/// The byte layer: answers with the event upper-cased.
struct ShoutHandler: ByteHandler {
    func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse {
        LambdaResponse(body: Array(String(decoding: event, as: UTF8.self).uppercased().utf8), contentType: "text/plain")
    }
}
