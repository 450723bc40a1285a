// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "hakam",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hakam", targets: ["hakam"]),
        // For the libFuzzer package in Fuzz/ (a path dependency sees only products).
        .library(name: "HakamCore", targets: ["HakamCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "HakamCore",
            dependencies: [
                "COpenSSL",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "HakamStore",
            dependencies: [
                "HakamCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API: the WAL hook that moves checkpoints off the writer (WALCheckpointer) and
                // the export's row-by-row reads (PublicCommentRow).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.copy("Migrations")]
        ),
        .target(
            name: "HakamHTTP",
            dependencies: [
                "HakamCore",
                "HakamStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Outbound notifications: the delivery worker and its channels (webhooks, email).
        .target(
            name: "HakamNotify",
            dependencies: [
                "HakamCore",
                "HakamStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "HakamCLI",
            dependencies: [
                "HakamCore",
                "HakamStore",
                "HakamHTTP",
                "HakamNotify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/Policies")]
        ),
        .executableTarget(name: "hakam", dependencies: ["HakamCLI"]),
        .executableTarget(name: "PolicyBenchmark", dependencies: ["HakamCore"], path: "Benchmarks/PolicyBenchmark"),
        .executableTarget(
            name: "BareServer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/BareServer"
        ),
        .executableTarget(name: "ClassifierBenchmark", dependencies: ["HakamCore"], path: "Benchmarks/ClassifierBenchmark"),
        .executableTarget(
            name: "SubmissionJSONBenchmark", dependencies: ["HakamCore", "JSONFieldsOracle"], path: "Benchmarks/SubmissionJSONBenchmark"
        ),
        // The pre-#7 Foundation decoder: the tests' oracle and the benchmark's baseline, never in a product.
        .target(name: "JSONFieldsOracle", dependencies: ["HakamCore"], path: "Tests/JSONFieldsOracle"),
        .testTarget(name: "HakamCoreTests", dependencies: ["HakamCore", "JSONFieldsOracle"]),
        .testTarget(name: "HakamStoreTests", dependencies: ["HakamStore"]),
        .testTarget(
            name: "HakamHTTPTests",
            dependencies: [
                "HakamHTTP",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "HakamCLITests", dependencies: ["HakamCLI"]),
        .testTarget(
            name: "HakamNotifyTests",
            dependencies: ["HakamNotify", .product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)
