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
        let root = target.directoryURL
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

    /// Relative paths of the data files under `root`, sorted (hidden files skipped). Symbolic links
    /// are followed, so a folder linked into the target (`Migrations -> ../../Migrations/sqlite`) counts.
    static func dataFiles(under root: URL) -> [String] {
        var paths: [String] = []
        var visited: Set<String> = []
        func walk(_ folder: URL, _ prefix: String) {
            guard visited.insert(folder.resolvingSymlinksInPath().path).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    walk(url, prefix + name + "/")
                } else if !sourceExtensions.contains(url.pathExtension) {
                    paths.append(prefix + name)
                }
            }
        }
        walk(root, "")
        return paths.sorted()
    }
}
