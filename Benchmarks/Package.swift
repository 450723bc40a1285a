// swift-tools-version:6.1
// The benchmark programs, kept out of the main package so that `swift build` at the root builds only
// the product. The scripts beside this file build them with `swift build --package-path Benchmarks`.
import PackageDescription

let package = Package(
    name: "hakam-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "hakam", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(name: "PolicyBenchmark", dependencies: [.product(name: "HakamCore", package: "hakam")], path: "PolicyBenchmark"),
        .executableTarget(name: "ClassifierBenchmark", dependencies: [.product(name: "HakamCore", package: "hakam")], path: "ClassifierBenchmark"),
        // FoundationJSONFields.swift in it is a link to the tests' oracle (Tests/HakamCoreTests/Submission),
        // so the benchmark's baseline and the differential test's reference are one file.
        .executableTarget(
            name: "SubmissionJSONBenchmark", dependencies: [.product(name: "HakamCore", package: "hakam")], path: "SubmissionJSONBenchmark"),
        .executableTarget(name: "BareServer", dependencies: [.product(name: "Hummingbird", package: "hummingbird")], path: "BareServer"),
    ]
)
