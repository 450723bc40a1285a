import Foundation
import HakamCore

/// The shipped policy and its word and domain lists, built into the binary (EmbeddedFiles), so `hakam`
/// works from any folder with nothing installed next to it. `hakam init` writes an editable copy.
enum ShippedPolicy {
    /// This module's folder of shipped policy files.
    static let folder = "Resources/Policies"
    /// The name messages give the built-in folder; no such folder exists on disk.
    static let root = URL(fileURLWithPath: "/(built-in)/Policies")
    static var defaultPolicyPath: String { root.appendingPathComponent("default.yml").path }

    /// Each shipped file's text, keyed by its path inside the policy folder (`default.yml`, `words/spam-en.txt`).
    static let files: [String: String] = {
        var files: [String: String] = [:]
        for path in EmbeddedFiles.paths(under: folder) {
            files[String(path.dropFirst(folder.count + 1))] = EmbeddedFiles.text(path)
        }
        return files
    }()

    /// Secret files it might name are read from the current directory: it has no folder on disk.
    static var loader: PolicyLoader {
        PolicyLoader(files: .inMemory(files, root: root),
                     secretFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }
}
