/// The schema store when the database could not be set up at init (a missing parameter, a bad CA bundle):
/// the function still starts, so that CloudFormation gets an answer instead of waiting for ServiceTimeout.
/// Delete succeeds without it; Create and Update answer FAILED with the init error as the reason.
struct UnavailableSchemaStore: SchemaStore {
    struct DatabaseUnavailable: Error, CustomStringConvertible {
        var reason: String
        var description: String { "database unavailable: \(reason)" }
    }

    let reason: String

    func apply(_ migration: Migration) async throws -> Bool {
        throw DatabaseUnavailable(reason: reason)
    }
}
