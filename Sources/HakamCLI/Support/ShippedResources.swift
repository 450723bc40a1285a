import Foundation

/// Files built into the binary (SwiftPM resources), so `hakam` works from any directory.
enum ShippedResources {
    static var policiesDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Policies")
    }

    static var defaultPolicyPath: String {
        policiesDirectory.appendingPathComponent("default.yml").path
    }
}
