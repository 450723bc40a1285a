import Foundation
import PackagePlugin

/// Embeds the data files of a target's folder (SQL migrations, policies, word lists: every file that is
/// not source code) into the target as generated Swift source, so the binary needs no resource bundle.
/// The folder is listed on every build, so a file added or removed is picked up without editing anything.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    /// Files that are compiled or documentation, not data.
    static let sourceExtensions: Set<String> = ["swift", "c", "h", "cpp", "m", "mm", "modulemap", "md", "docc"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let root = target.directoryURL.resolvingSymlinksInPath()
        let files = Self.dataFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) data files into \(target.name)",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [root.path, output.path] + files,
                inputFiles: files.map { root.appendingPathComponent($0) },
                outputFiles: [output]),
        ]
    }

    /// Relative paths of the data files under `root`, sorted (hidden files skipped).
    static func dataFiles(under root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  !sourceExtensions.contains(url.pathExtension) else { continue }
            let path = url.resolvingSymlinksInPath().path
            guard path.hasPrefix(prefix) else { continue }
            paths.append(String(path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }
}
