import ArgumentParser
import Foundation
import HakamCore

/// `hakam init DIR`: an editable copy of the shipped policy and its lists, for a site to customise.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write an editable copy of the shipped policy and its word and domain lists into a folder.")

    @Argument(help: "The folder to write (created when missing).") var directory: String
    @Flag(help: "Overwrite files that already exist.") var force = false

    func run() async throws {
        let folder = URL(fileURLWithPath: directory)
        let files = ShippedPolicy.files.sorted { $0.key < $1.key }
        let manager = FileManager.default
        if !force {
            let existing = files.map(\.key).filter { manager.fileExists(atPath: folder.appendingPathComponent($0).path) }
            guard existing.isEmpty else {
                throw CLIError("\(directory) already holds \(existing.joined(separator: ", ")): nothing written (--force overwrites)")
            }
        }
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            throw CLIError("cannot write into \(directory): \(error.localizedDescription)")
        }
        let policyFile = folder.appendingPathComponent("default.yml").path
        // The copy must load as it is, or the operator's first edit starts from a broken file.
        do { _ = try PolicyLoader().load(path: policyFile) } catch { throw CLIError(error.description) }
        print("wrote \(files.count) files into \(directory)")
        print("edit them, check with `hakam policy check \(policyFile)`, then run with --policy \(policyFile) (or HAKAM_POLICY)")
    }
}
