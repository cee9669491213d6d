import HTTPClient

/// S3 objects over the REST API. Buckets are addressed virtual-hosted style on AWS and path style when an
/// endpoint is configured (`AWS_ENDPOINT_URL_S3`, local servers) or the name has dots.
public struct S3: Sendable {
    public struct ObjectInfo: Sendable, Equatable {
        public var contentLength: Int
        public var contentType: String?
        public var eTag: String?
        /// User metadata (`x-amz-meta-*`), names lower-cased and without the prefix.
        public var metadata: [String: String]
    }

    public struct Object: Sendable {
        public var body: [UInt8]
        public var info: ObjectInfo
    }

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Stores the object; returns its ETag.
    @discardableResult
    public func putObject(bucket: String, key: String, body: [UInt8], contentType: String? = nil,
                          metadata: [String: String] = [:]) async throws -> String? {
        var headers = HTTPHeaders()
        if let contentType { headers.add("Content-Type", contentType) }
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) { headers.add("x-amz-meta-\(name)", value) }
        let response = try await client.send(call(.put, bucket: bucket, key: key, headers: headers, body: body))
        return response.headers["ETag"]
    }

    /// The object, or nil when the key does not exist.
    public func getObject(bucket: String, key: String) async throws -> Object? {
        do {
            let response = try await client.send(call(.get, bucket: bucket, key: key))
            return Object(body: response.body, info: Self.info(response))
        } catch let error as AWSError where error.status == 404 && error.code == "NoSuchKey" {
            return nil
        }
    }

    /// The object's size, type and metadata, or nil when the key does not exist.
    public func headObject(bucket: String, key: String) async throws -> ObjectInfo? {
        do {
            return Self.info(try await client.send(call(.head, bucket: bucket, key: key)))
        } catch let error as AWSError where error.status == 404 {
            return nil
        }
    }

    /// Deletes the object (succeeds when it is already absent, as S3 does).
    public func deleteObject(bucket: String, key: String) async throws {
        _ = try await client.send(call(.delete, bucket: bucket, key: key))
    }

    public func createBucket(_ bucket: String) async throws {
        var body: [UInt8] = []
        if client.region != "us-east-1" {
            body = Array(("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LocationConstraint>\(XMLText.escape(client.region))</LocationConstraint>"
                + "</CreateBucketConfiguration>").utf8)
        }
        _ = try await client.send(call(.put, bucket: bucket, key: nil, body: body))
    }

    func call(_ method: HTTPMethod, bucket: String, key: String?, headers: HTTPHeaders = [:],
              body: [UInt8] = []) -> AWSClient.Call {
        let endpoint = client.endpoints.endpoint(for: .s3)
        let encodedKey = key.map { "/" + URIEncoding.encode($0, keepingSlashes: true) } ?? "/"
        if endpoint.isOverridden || bucket.utf8.contains(UInt8(ascii: ".")) {
            return AWSClient.Call(service: .s3, method: method, path: "/\(URIEncoding.encode(bucket))"
                                    + (key == nil ? "" : encodedKey),
                                  headers: headers, body: body, signing: .s3)
        }
        let regional = "https://s3."
        let virtualHost = endpoint.url.hasPrefix(regional)
            ? "https://\(bucket).s3." + endpoint.url.dropFirst(regional.count) : endpoint.url
        return AWSClient.Call(service: .s3, method: method, path: encodedKey, headers: headers, body: body,
                              signing: .s3, endpoint: virtualHost)
    }

    private static func info(_ response: HTTPResponse) -> ObjectInfo {
        var metadata: [String: String] = [:]
        for field in response.headers where field.name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(field.name.lowercased().dropFirst("x-amz-meta-".count))] = field.value
        }
        return ObjectInfo(
            contentLength: response.headers["Content-Length"].flatMap { Int($0) } ?? response.body.count,
            contentType: response.headers["Content-Type"], eTag: response.headers["ETag"], metadata: metadata)
    }
}
