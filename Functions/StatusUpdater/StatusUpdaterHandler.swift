import LambdaEvents
import LambdaRuntime

/// `PUT` from the pet site: marks a pet adopted (`availability` "no") or available again ("yes").
///
/// Every outcome is an API Gateway response, never a thrown error (which API Gateway would turn into a
/// bare 502): 400 says what is wrong with the request, 404 names the unknown pet, 500 hides the details of
/// a real failure from the caller and logs them.
struct StatusUpdaterHandler<Store: PetAvailabilityStore>: LambdaHandler {
    let store: Store

    func handle(_ request: APIGatewayProxyRequest, context: LambdaContext) async -> APIGatewayProxyResponse {
        guard request.httpMethod.uppercased() == "PUT" else {
            return Self.message("method \(request.httpMethod) is not allowed; use PUT", statusCode: 405,
                                headers: ["Allow": "PUT"])
        }
        let update: StatusUpdate
        do {
            update = try StatusUpdate(request: request)
        } catch {
            context.logger.info("rejected status update", metadata: ["reason": "\(error.message)"])
            return Self.message(error.message, statusCode: 400)
        }
        let pet = update.pet
        do {
            let stored = try await store.setAvailability(update.availability, of: pet)
            context.logger.info("pet availability updated", metadata: [
                "pettype": "\(pet.pettype)", "petid": "\(pet.petid)", "availability": "\(stored)",
                "userid": "\(update.userID ?? "-")",
            ])
            return Self.json(StatusUpdated(pettype: pet.pettype, petid: pet.petid, availability: stored))
        } catch is PetNotFound {
            return Self.message("no pet with pettype \(pet.pettype) and petid \(pet.petid)", statusCode: 404)
        } catch {
            context.logger.error("updating pet availability failed", metadata: [
                "pettype": "\(pet.pettype)", "petid": "\(pet.petid)", "error": "\(error)",
            ])
            return Self.message("the pet's status could not be updated; try again later", statusCode: 500)
        }
    }

    private static func message(_ text: String, statusCode: Int, headers: [String: String] = [:])
        -> APIGatewayProxyResponse
    {
        json(ErrorBody(message: text), statusCode: statusCode, headers: headers)
    }

    /// Encoding these plain structs cannot fail; the fallback keeps the promise of never throwing anyway.
    private static func json(_ body: some Encodable, statusCode: Int = 200, headers: [String: String] = [:])
        -> APIGatewayProxyResponse
    {
        (try? .json(body, statusCode: statusCode, headers: headers))
            ?? .text("internal error", statusCode: 500)
    }
}

/// The 200 body: the pet and its availability as now stored.
struct StatusUpdated: Codable, Equatable {
    var pettype: String
    var petid: String
    var availability: String
}

struct ErrorBody: Codable, Equatable {
    var message: String
}
