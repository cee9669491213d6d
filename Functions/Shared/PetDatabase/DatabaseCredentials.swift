/// Where and as whom to connect: the JSON an RDS-managed secret holds,
/// `{"host", "port", "dbname", "username", "password"}` (RDS writes `port` as a number; a hand-made
/// secret may hold a string, so both decode).
public struct DatabaseCredentials: Decodable, Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var database: String
    public var username: String
    public var password: String

    public init(host: String, port: Int = 5432, database: String, username: String, password: String) {
        self.host = host
        self.port = port
        self.database = database
        self.username = username
        self.password = password
    }

    enum CodingKeys: String, CodingKey {
        case host, port, database = "dbname", username, password
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        host = try container.decode(String.self, forKey: .host)
        username = try container.decode(String.self, forKey: .username)
        password = try container.decode(String.self, forKey: .password)
        database = try container.decodeIfPresent(String.self, forKey: .database) ?? username
        if let number = try? container.decodeIfPresent(Int.self, forKey: .port) {
            port = number
        } else if let text = try container.decodeIfPresent(String.self, forKey: .port) {
            guard let number = Int(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .port, in: container, debugDescription: "port \"\(text)\" is not a number")
            }
            port = number
        } else {
            port = 5432
        }
    }

    /// Never shows the password: this is what logs and errors print.
    public var description: String { "\(username)@\(host):\(port)/\(database)" }
}

/// Supplies the database credentials; `refresh` asks for the current secret instead of a cached copy
/// (after the server refused the password, e.g. because the secret was rotated).
public protocol CredentialsSource: Sendable {
    func credentials(refresh: Bool) async throws -> DatabaseCredentials
}

/// Fixed credentials: local runs and tests.
public struct StaticCredentials: CredentialsSource {
    public let value: DatabaseCredentials

    public init(_ value: DatabaseCredentials) {
        self.value = value
    }

    public func credentials(refresh: Bool) async throws -> DatabaseCredentials { value }
}
