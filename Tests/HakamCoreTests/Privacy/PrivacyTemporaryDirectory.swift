import Foundation

/// A fresh directory under the system temp folder, removed by `remove()`.
struct PrivacyTemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "hakam-privacy-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
