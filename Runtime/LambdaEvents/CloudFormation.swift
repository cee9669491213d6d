import LambdaJSON

/// What CloudFormation sends a custom resource's function. The function answers with an HTTP PUT of a
/// `CloudFormationCustomResourceResponse` to `responseURL`, not with its return value.
///
/// CloudFormation passes every scalar in `ResourceProperties` as a string (`Port: 5432` arrives as `"5432"`),
/// and adds `ServiceToken` to them; model `Properties` accordingly.
public struct CloudFormationCustomResourceRequest<Properties: Sendable>: Sendable {
    public enum RequestType: String, Codable, Sendable {
        case create = "Create"
        case update = "Update"
        case delete = "Delete"
    }

    public var requestType: RequestType
    public var serviceToken: String?
    /// A presigned S3 URL that takes the response.
    public var responseURL: String
    public var stackId: String
    public var requestId: String
    public var resourceType: String
    public var logicalResourceId: String
    /// Absent on Create; on Update and Delete, what the Create answered.
    public var physicalResourceId: String?
    public var resourceProperties: Properties
    /// Update only: the properties before the update.
    public var oldResourceProperties: Properties?

    public init(
        requestType: RequestType, serviceToken: String? = nil, responseURL: String, stackId: String,
        requestId: String, resourceType: String, logicalResourceId: String, physicalResourceId: String? = nil,
        resourceProperties: Properties, oldResourceProperties: Properties? = nil
    ) {
        self.requestType = requestType
        self.serviceToken = serviceToken
        self.responseURL = responseURL
        self.stackId = stackId
        self.requestId = requestId
        self.resourceType = resourceType
        self.logicalResourceId = logicalResourceId
        self.physicalResourceId = physicalResourceId
        self.resourceProperties = resourceProperties
        self.oldResourceProperties = oldResourceProperties
    }

    enum CodingKeys: String, CodingKey {
        case requestType = "RequestType"
        case serviceToken = "ServiceToken"
        case responseURL = "ResponseURL"
        case stackId = "StackId"
        case requestId = "RequestId"
        case resourceType = "ResourceType"
        case logicalResourceId = "LogicalResourceId"
        case physicalResourceId = "PhysicalResourceId"
        case resourceProperties = "ResourceProperties"
        case oldResourceProperties = "OldResourceProperties"
    }
}

extension CloudFormationCustomResourceRequest: Decodable where Properties: Decodable {}
extension CloudFormationCustomResourceRequest: Encodable where Properties: Encodable {}
extension CloudFormationCustomResourceRequest: Equatable where Properties: Equatable {}

/// The body a custom resource PUTs to the request's `ResponseURL`. CloudFormation reads these exact keys and
/// refuses bodies over 4096 bytes: send `encodedBody()`, which checks.
public struct CloudFormationCustomResourceResponse<ResponseData: Sendable>: Sendable {
    public enum Status: String, Codable, Sendable {
        case success = "SUCCESS"
        case failed = "FAILED"
    }

    public var status: Status
    /// Shown in the stack's events; required when the status is FAILED.
    public var reason: String?
    public var physicalResourceId: String
    public var stackId: String
    public var requestId: String
    public var logicalResourceId: String
    /// Masks `data` in `Fn::GetAtt` output shown by the console and API.
    public var noEcho: Bool
    /// The values `Fn::GetAtt` can read.
    public var data: ResponseData?

    public init(
        status: Status, reason: String? = nil, physicalResourceId: String, stackId: String, requestId: String,
        logicalResourceId: String, noEcho: Bool = false, data: ResponseData? = nil
    ) {
        self.status = status
        self.reason = reason
        self.physicalResourceId = physicalResourceId
        self.stackId = stackId
        self.requestId = requestId
        self.logicalResourceId = logicalResourceId
        self.noEcho = noEcho
        self.data = data
    }

    /// Success for `request`, echoing its identifiers.
    ///
    /// `physicalResourceId` defaults to the request's (Update, Delete): answering an Update with a different
    /// one tells CloudFormation the resource was replaced, and it then deletes the old one. A Create that
    /// names none gets the request id.
    public static func success<Properties>(
        for request: CloudFormationCustomResourceRequest<Properties>, physicalResourceId: String? = nil,
        data: ResponseData? = nil, noEcho: Bool = false
    ) -> Self {
        Self(
            status: .success, physicalResourceId: physicalResourceId ?? request.defaultPhysicalResourceId,
            stackId: request.stackId, requestId: request.requestId, logicalResourceId: request.logicalResourceId,
            noEcho: noEcho, data: data)
    }

    /// Failure for `request` with the reason CloudFormation shows, echoing its identifiers.
    public static func failure<Properties>(
        for request: CloudFormationCustomResourceRequest<Properties>, reason: String,
        physicalResourceId: String? = nil
    ) -> Self {
        Self(
            status: .failed, reason: reason,
            physicalResourceId: physicalResourceId ?? request.defaultPhysicalResourceId, stackId: request.stackId,
            requestId: request.requestId, logicalResourceId: request.logicalResourceId)
    }

    /// The most bytes CloudFormation accepts as a response body.
    public static var maximumBodySize: Int { 4096 }

    enum CodingKeys: String, CodingKey {
        case status = "Status"
        case reason = "Reason"
        case physicalResourceId = "PhysicalResourceId"
        case stackId = "StackId"
        case requestId = "RequestId"
        case logicalResourceId = "LogicalResourceId"
        case noEcho = "NoEcho"
        case data = "Data"
    }
}

extension CloudFormationCustomResourceResponse: Decodable where ResponseData: Decodable {}
extension CloudFormationCustomResourceResponse: Equatable where ResponseData: Equatable {}

extension CloudFormationCustomResourceResponse: Encodable where ResponseData: Encodable {
    /// The JSON body to PUT to `ResponseURL`; throws `CloudFormationResponseTooLarge` above 4096 bytes.
    public func encodedBody() throws -> [UInt8] {
        // Slashes are not escaped (Foundation's encoder would): ARNs are full of them, escaping wastes the budget.
        let body = try LambdaJSONEncoder().encode(self)
        guard body.count <= Self.maximumBodySize else {
            throw CloudFormationResponseTooLarge(size: body.count, limit: Self.maximumBodySize)
        }
        return body
    }
}

/// A custom resource response body CloudFormation would refuse.
public struct CloudFormationResponseTooLarge: Error, Equatable, CustomStringConvertible {
    public let size: Int
    public let limit: Int

    public var description: String {
        "custom resource response is \(size) bytes; CloudFormation accepts at most \(limit)"
    }
}

extension CloudFormationCustomResourceRequest {
    fileprivate var defaultPhysicalResourceId: String { physicalResourceId ?? requestId }
}
