// swift-tools-version:6.1
// libFuzzer targets, kept out of the main package: they link only with -sanitize=fuzzer.
// Build and run with Fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "hakam-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "hakam", path: "..")],
    targets: [.target(name: "CFuzzDriver")] + ["FuzzEmail", "FuzzSubmissionFields", "FuzzTextFolding"].map { name in
        // Each main.swift hands its check to LLVMFuzzerRunDriver (SwiftPM renames an executable's
        // `main`, so libFuzzer's own main would never run).
        .executableTarget(
            name: name, dependencies: ["CFuzzDriver", .product(name: "HakamCore", package: "hakam")],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])])
    }
)
