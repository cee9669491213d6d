import AWSClients
/// The bucket of food pictures (`S3_BUCKET_NAME`).
public struct S3FoodImageStore: FoodImageStore {
    public let s3: S3
    public let bucket: String

    public init(s3: S3, bucket: String) {
        self.s3 = s3
        self.bucket = bucket
    }

    public func exists(_ key: String) async throws -> Bool {
        try await s3.headObject(bucket: bucket, key: key) != nil
    }

    public func put(_ key: String, bytes: [UInt8], contentType: String, metadata: [String: String]) async throws {
        try await s3.putObject(bucket: bucket, key: key, body: bytes, contentType: contentType, metadata: metadata)
    }

    public func delete(_ key: String) async throws {
        try await s3.deleteObject(bucket: bucket, key: key)
    }
}
