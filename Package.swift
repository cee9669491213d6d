// swift-tools-version: 6.2
//
// The layout shows the architecture:
//   Runtime/    our Lambda runtime: the Runtime API loop, events, the AWS client layer, test helpers and
//               the local emulator (`lambda-local`, a development tool never linked into a function).
//   Functions/  one executable per Lambda function; each folder holds that function's logic only.
//               Functions/Shared/ holds the libraries several functions use (PetDomain, PetDatabase).
//   Tests/      one test target per concern.
import PackageDescription

/// Our own targets build in Swift 6 language mode and treat every warning as an error.
let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
]

let log = Target.Dependency.product(name: "Logging", package: "swift-log")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let postgres = Target.Dependency.product(name: "PostgresNIO", package: "postgres-nio")
// PetDatabase configures PostgresNIO's TLS with NIOSSL's types itself.
let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
// What lambda-local imports of Hummingbird's own dependencies, declared rather than leaned on.
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let unixSignals = Target.Dependency.product(name: "UnixSignals", package: "swift-service-lifecycle")

/// The Lambda functions: each is an executable product named after the function, whose `bootstrap`
/// is that executable. Their sources live in `Functions/<Name>/`.
let functions: [(name: String, dependencies: [Target.Dependency])] = [
    ("Echo", ["LambdaRuntime"]),
    ("StatusUpdater", ["LambdaRuntime", "LambdaEvents", "LambdaJSON", "AWSClients"]),
    ("PetfoodStock", ["LambdaSystem", "LambdaRuntime", "LambdaEvents", "LambdaJSON", "AWSClients", "PetDomain", log]),
    ("Cleanup", ["LambdaRuntime", "LambdaEvents", "AWSClients", "PetDomain"]),
    ("ImageGenerator", ["LambdaSystem", "LambdaRuntime", "LambdaEvents", "LambdaJSON", "AWSClients", "PetDomain"]),
    ("TrafficGenerator", ["LambdaSystem", "LambdaRuntime", "LambdaEvents", "LambdaJSON", "AWSClients", "HTTPClient"]),
    ("RdsSeeder", ["LambdaRuntime", "LambdaEvents", "PetDatabase", "AWSClients", "HTTPClient", postgres]),
    ("UserCreator", ["LambdaRuntime", "LambdaEvents", "PetDatabase", "AWSClients", postgres]),
]

let package = Package(
    name: "swift-pet-lambdas",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LambdaRuntime", targets: ["LambdaRuntime"]),
        .library(name: "LambdaEvents", targets: ["LambdaEvents"]),
        .library(name: "LambdaTesting", targets: ["LambdaTesting"]),
        .library(name: "AWSClients", targets: ["AWSClients"]),
        .executable(name: "lambda-local", targets: ["LambdaLocalCLI"]),
    ] + functions.map { .executable(name: $0.name, targets: [$0.name]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libcurl, bridged: the transport of the runtime loop and of every outbound HTTP call.
        .systemLibrary(
            name: "CCurl", path: "Runtime/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),

        // What every other target needs of the operating system, with no dependencies: the process
        // environment, the clocks and `Timestamp`, duration arithmetic, the one trimming rule, threads,
        // the backoff formula.
        .target(name: "LambdaSystem", path: "Runtime/LambdaSystem", swiftSettings: strict),
        .testTarget(name: "LambdaSystemTests", dependencies: ["LambdaSystem"], swiftSettings: strict),

        // JSON coding (Codable) and base64 over bytes, without Foundation: what keeps Foundation out of
        // every bootstrap, and the typed handlers' events and responses fast.
        .target(name: "LambdaJSON", path: "Runtime/LambdaJSON", swiftSettings: strict),
        .testTarget(name: "LambdaJSONTests", dependencies: ["LambdaJSON", "LambdaTesting"], swiftSettings: strict),

        // The Runtime API client and loop, the invocation context, handler protocols, logging.
        .target(name: "LambdaRuntime", dependencies: ["CCurl", "LambdaSystem", "LambdaJSON", log], path: "Runtime/LambdaRuntime",
                swiftSettings: strict),
        // Event and response types as plain data (SQS, EventBridge, API Gateway, CloudFormation).
        .target(name: "LambdaEvents", dependencies: ["LambdaJSON"], path: "Runtime/LambdaEvents", swiftSettings: strict),
        // Helpers to unit-test handlers without a Runtime API or AWS.
        .target(name: "LambdaTesting", dependencies: ["LambdaSystem", "LambdaRuntime", "LambdaJSON", log],
                path: "Runtime/LambdaTesting", swiftSettings: strict),

        // An async HTTP client on curl multi, shared by the AWS clients and the functions' own calls.
        .target(name: "HTTPClient", dependencies: ["CCurl", "LambdaSystem"], path: "Runtime/HTTPClient",
                swiftSettings: strict),
        // SHA-256 and HMAC from OpenSSL's libcrypto, which every bootstrap links for TLS already. No
        // pkgConfig: its `-L/usr/lib/<arch>` would come first and make static builds link Debian's
        // libcurl.a (GSSAPI and all) instead of ours; libcrypto is in the default search path anyway.
        .systemLibrary(
            name: "CCrypto", path: "Runtime/CCrypto", providers: [.apt(["libssl-dev"])]),
        // SigV4 and the handful of AWS service operations the functions make.
        .target(name: "AWSClients", dependencies: ["LambdaSystem", "HTTPClient", "CCrypto", "LambdaJSON", log], path: "Runtime/AWSClients",
                swiftSettings: strict),

        // Starts the test servers (scripts/testing, moto) for the HTTP and AWS client tests.
        .target(name: "ServerFixtures", path: "Tests/ServerFixtures", swiftSettings: strict),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient", "ServerFixtures"], swiftSettings: strict),
        .testTarget(name: "AWSClientsTests", dependencies: ["LambdaSystem", "AWSClients", "HTTPClient", "ServerFixtures", "LambdaTesting"],
                    swiftSettings: strict),
        .executableTarget(name: "AWSClientsBenchmark", dependencies: ["AWSClients", "HTTPClient"],
                          path: "Benchmarks/AWSClientsBenchmark", swiftSettings: strict),

        // The local Runtime API emulator and Invoke API (a development tool).
        .target(name: "LocalLambda", dependencies: ["LambdaSystem", hummingbird, nioCore, httpTypes, serviceLifecycle, log], path: "Runtime/LocalLambda",
                swiftSettings: strict),
        .executableTarget(name: "LambdaLocalCLI", dependencies: ["LocalLambda", argumentParser, unixSignals],
                          path: "Runtime/lambda-local", swiftSettings: strict),
        // The runtime's test subject for loop tests over HTTP (Tests/RuntimeProbe/main.swift has its contract).
        .executableTarget(name: "RuntimeProbe", dependencies: ["LambdaSystem", "LambdaRuntime"], path: "Tests/RuntimeProbe",
                          swiftSettings: strict),
        // The pet food catalog's shared types and their AWS-backed stores (used by several functions).
        .target(name: "PetDomain", dependencies: ["LambdaSystem", "LambdaEvents", "AWSClients", log], path: "Functions/Shared/PetDomain",
                swiftSettings: strict),
        .target(name: "PetDomainTesting", dependencies: ["PetDomain", "LambdaSystem", "LambdaEvents"], path: "Tests/PetDomainTesting",
                swiftSettings: strict),
        .testTarget(name: "StatusUpdaterTests", dependencies: ["StatusUpdater", "LambdaTesting", "LambdaRuntime", "LambdaEvents"],
                    path: "Tests/StatusUpdaterTests", swiftSettings: strict),
        .testTarget(name: "PetfoodStockTests",
                    dependencies: ["PetfoodStock", "LambdaTesting", "LambdaSystem", "LambdaRuntime", "LambdaEvents", "AWSClients",
                                   "LambdaJSON", "PetDomainTesting"],
                    path: "Tests/PetfoodStockTests", swiftSettings: strict),
        .testTarget(name: "CleanupTests", dependencies: ["Cleanup", "LambdaEvents", "LambdaTesting", "PetDomain", "PetDomainTesting"],
                    path: "Tests/CleanupTests", swiftSettings: strict),
        .testTarget(name: "ImageGeneratorTests", dependencies: ["ImageGenerator", "LambdaTesting", "PetDomain", "PetDomainTesting"],
                    path: "Tests/ImageGeneratorTests", swiftSettings: strict),
        .testTarget(name: "FunctionIntegrationTests",
                    dependencies: ["LambdaSystem", "AWSClients", "HTTPClient", "LambdaEvents", "LambdaTesting", "ServerFixtures",
                                   "PetDomain", "PetDomainTesting", "StatusUpdater", "PetfoodStock", "Cleanup", "ImageGenerator",
                                   "UserCreator", "PetDatabase", postgres, log],
                    path: "Tests/FunctionIntegrationTests", swiftSettings: strict),
        .testTarget(name: "TrafficGeneratorTests", dependencies: ["TrafficGenerator", "LambdaRuntime", "LambdaEvents", "LambdaTesting"],
                    path: "Tests/TrafficGeneratorTests", swiftSettings: strict),
        // The emulator's rules over raw HTTP, and the runtime loop's conformance suite through it.
        .testTarget(name: "LocalLambdaTests",
                    dependencies: ["LocalLambda", "LambdaSystem", "RuntimeProbe", "Echo"],
                    path: "Tests/LocalLambdaTests", swiftSettings: strict),
        .testTarget(name: "LambdaRuntimeTests", dependencies: ["LambdaSystem", "LambdaRuntime", log],
                    path: "Tests/LambdaRuntimeTests", swiftSettings: strict),
        // PostgreSQL for RdsSeeder and UserCreator: credentials from the RDS secret, TLS, one kept connection.
        .target(name: "PetDatabase", dependencies: ["AWSClients", "LambdaRuntime", postgres, nioSSL, log], path: "Functions/Shared/PetDatabase",
                swiftSettings: strict),
        .testTarget(name: "PetDatabaseTests", dependencies: ["PetDatabase", "LambdaRuntime"],
                    path: "Tests/PetDatabaseTests", swiftSettings: strict),
        .testTarget(name: "RdsSeederTests", dependencies: ["RdsSeeder", "LambdaTesting", "LambdaEvents"],
                    path: "Tests/RdsSeederTests", swiftSettings: strict),
        .testTarget(name: "UserCreatorTests", dependencies: ["UserCreator", "LambdaTesting", "LambdaEvents"],
                    path: "Tests/UserCreatorTests", swiftSettings: strict),

        .testTarget(name: "LambdaEventsTests", dependencies: ["LambdaEvents", "LambdaTesting"], swiftSettings: strict),
        .testTarget(name: "LambdaTestingTests", dependencies: ["LambdaSystem", "LambdaTesting", "LambdaEvents", "LambdaRuntime", log],
                    swiftSettings: strict),
    ] + functions.map {
        .executableTarget(name: $0.name, dependencies: $0.dependencies, path: "Functions/\($0.name)",
                          swiftSettings: strict)
    } + [
        // Test-only: packaged like a function so scripts/test-bare-root can prove DNS and verified TLS
        // work in a static bootstrap on an empty root.
        .executableTarget(name: "PackagingProbe", dependencies: ["LambdaRuntime", "HTTPClient"],
                          path: "Tests/PackagingProbe", swiftSettings: strict),
    ]
)
