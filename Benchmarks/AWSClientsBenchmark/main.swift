// Prints throughput and latency numbers for the HTTP client and the AWS layer (run by scripts/bench-aws.sh).
//   AWSClientsBenchmark sign <count>
//   AWSClientsBenchmark http <url> <requests> <concurrency>
//   AWSClientsBenchmark dynamodb <endpoint> <requests> <concurrency>
import AWSClients
import HTTPClient

import Foundation  // String(format:); a benchmark tool, never packaged

func report(_ label: String, count: Int, elapsed: Duration, latencies: [Duration] = []) {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var line = "\(label): \(count) in \(String(format: "%.3f", seconds)) s = \(Int(Double(count) / seconds))/s"
    if !latencies.isEmpty {
        let sorted = latencies.sorted()
        func ms(_ quantile: Double) -> String {
            let value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))]
            return String(format: "%.2f", Double(value.components.attoseconds) / 1e15 + Double(value.components.seconds) * 1000)
        }
        line += ", latency p50 \(ms(0.5)) ms, p99 \(ms(0.99)) ms"
    }
    print(line)
}

/// Runs `requests` operations, at most `concurrency` at a time; returns each one's latency.
func measure(requests: Int, concurrency: Int, _ operation: @escaping @Sendable (Int) async throws -> Void) async throws -> (Duration, [Duration]) {
    let clock = ContinuousClock()
    let start = clock.now
    let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                var mine: [Duration] = []
                var index = worker
                while index < requests {
                    let begin = clock.now
                    try await operation(index)
                    mine.append(clock.now - begin)
                    index += concurrency
                }
                return mine
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    return (clock.now - start, latencies)
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "sign":
    let count = Int(arguments[2]) ?? 100_000
    let signer = SigV4Signer(credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"),
                             region: "us-east-1", service: "dynamodb")
    let body = Array(#"{"TableName":"pets","Key":{"pk":{"S":"pet#123"}}}"#.utf8)
    let start = ContinuousClock.now
    var checksum = 0
    for _ in 0..<count {
        var request = HTTPRequest(method: .post, url: "https://dynamodb.us-east-1.amazonaws.com/",
                                  headers: ["Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.GetItem"],
                                  body: body)
        signer.sign(&request)
        checksum &+= request.headers["Authorization"]?.utf8.count ?? 0
    }
    report("sigv4 sign (DynamoDB GetItem request)", count: count, elapsed: ContinuousClock.now - start)
    precondition(checksum > 0)
case "http":
    let url = arguments[2]
    let requests = Int(arguments[3]) ?? 2000
    let concurrency = Int(arguments[4]) ?? 1
    let (elapsed, latencies) = try await measure(requests: requests, concurrency: concurrency) { _ in
        let response = try await HTTPClient.shared.request(HTTPRequest(url: url))
        precondition(response.status == 200)
    }
    report("http GET concurrency \(concurrency)", count: requests, elapsed: elapsed, latencies: latencies)
case "dynamodb":
    let environment = ["AWS_ENDPOINT_URL": arguments[2], "AWS_ACCESS_KEY_ID": "testing",
                       "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1"]
    let requests = Int(arguments[3]) ?? 500
    let concurrency = Int(arguments[4]) ?? 1
    let dynamo = DynamoDB(client: AWSClient(environment: environment))
    let table = "bench-\(UInt32.random(in: 0...UInt32.max))"
    try await dynamo.createTable(name: table, hashKey: "pk")
    try await dynamo.putItem(table: table, item: ["pk": "pet#1", "name": "Rex"])
    let (elapsed, latencies) = try await measure(requests: requests, concurrency: concurrency) { _ in
        _ = try await dynamo.getItem(table: table, key: ["pk": "pet#1"])
    }
    report("dynamodb GetItem via moto, concurrency \(concurrency)", count: requests, elapsed: elapsed, latencies: latencies)
default:
    print("usage: AWSClientsBenchmark sign <count> | http <url> <requests> <concurrency> | dynamodb <endpoint> <requests> <concurrency>")
}
