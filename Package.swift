// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "hakam",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hakam", targets: ["hakam"]),
        // For the libFuzzer package in Fuzz/ and the benchmarks in Benchmarks/ (a path dependency sees only products).
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
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
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
        // The backend-neutral store API: protocols, value types and errors only.
        .target(name: "HakamStore", dependencies: ["HakamCore"]),
        // The submit use case and the one place private data is protected, above any store.
        .target(
            name: "HakamService",
            dependencies: ["HakamCore", "HakamStore", .product(name: "Logging", package: "swift-log")]
        ),
        // The embedded default: SQLite through GRDB (the only module that imports GRDB).
        .target(
            name: "HakamSQLite",
            dependencies: [
                "HakamCore",
                "HakamStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API: the WAL hook that moves checkpoints off the writer (WALCheckpointer) and
                // the export's row-by-row reads (PublicCommentRow).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            // The SQL migrations are built into the binary by the EmbedFiles plugin (no resource bundle).
            exclude: ["Migrations"],
            plugins: ["EmbedFilesPlugin"]
        ),
        // Several nodes on one PostgreSQL database, through postgres-nio.
        .target(
            name: "HakamPostgres",
            dependencies: [
                "HakamCore",
                "HakamStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The SQL migrations are built into the binary by the EmbedFiles plugin (no resource bundle).
            exclude: ["Migrations"],
            plugins: ["EmbedFilesPlugin"]
        ),
        .target(
            name: "HakamHTTP",
            dependencies: [
                "HakamCore",
                "HakamStore",
                "HakamService",
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
                // Webhooks: NIO-based and linked statically (Foundation's URLSession needs libcurl).
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(
            name: "HakamCLI",
            dependencies: [
                "HakamCore",
                "HakamStore",
                "HakamService",
                "HakamSQLite",
                "HakamPostgres",
                "HakamHTTP",
                "HakamNotify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            // The shipped policy and its lists are built into the binary by the EmbedFiles plugin.
            exclude: ["Resources"],
            plugins: ["EmbedFilesPlugin", "BuildInfoPlugin"]
        ),
        .executableTarget(name: "hakam", dependencies: ["HakamCLI"]),
        // Test-only helpers — temporary databases, a comment builder, a test clock, captured logs,
        // typed queries, the server process (see CONTRIBUTING.md). A test target that the other
        // test targets depend on, so that `swift build` (the product) never builds it.
        .testTarget(
            name: "HakamTestSupport",
            dependencies: [
                "HakamCore",
                "HakamStore",
                "HakamSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/HakamTestSupport"
        ),
        .testTarget(name: "HakamCoreTests", dependencies: ["HakamCore"]),
        .testTarget(name: "HakamStoreTests", dependencies: ["HakamStore", "HakamSQLite"]),
        // Build-time generators: data files and the git commit compiled into the binary.
        .executableTarget(name: "EmbedFiles", path: "Tools/EmbedFiles"),
        .plugin(name: "EmbedFilesPlugin", capability: .buildTool(), dependencies: ["EmbedFiles"]),
        .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
        .testTarget(
            name: "HakamHTTPTests",
            dependencies: [
                "HakamHTTP",
                "HakamSQLite",
                "HakamTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "HakamStoreConformanceTests",
            dependencies: [
                "HakamCore", "HakamStore", "HakamSQLite", "HakamPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "HakamCLITests", dependencies: ["HakamCLI", "HakamSQLite", "HakamPostgres", "HakamTestSupport"]),
        .testTarget(
            name: "HakamNotifyTests",
            dependencies: ["HakamNotify", "HakamSQLite", "HakamTestSupport", .product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)
