import Foundation

/// Where a policy file and the list files it names are read from: the file system, or texts held in
/// memory (the policy built into the binary, which has no folder on disk).
public struct PolicyFiles: Sendable {
    private let readText: @Sendable (URL) throws -> String

    public init(read: @escaping @Sendable (URL) throws -> String) {
        self.readText = read
    }

    func read(_ url: URL) throws -> String {
        try readText(url)
    }

    public static let disk = PolicyFiles { try String(contentsOf: $0, encoding: .utf8) }

    /// Texts keyed by path relative to `root`; a path outside `root` or not in `texts` cannot be read.
    public static func inMemory(_ texts: [String: String], root: URL) -> PolicyFiles {
        let prefix = root.standardizedFileURL.path + "/"
        return PolicyFiles { url in
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix), let text = texts[String(path.dropFirst(prefix.count))] else {
                throw CocoaError(.fileReadNoSuchFile)
            }
            return text
        }
    }
}
