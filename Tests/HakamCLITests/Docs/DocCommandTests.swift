import ArgumentParser
import Foundation
@testable import HakamCLI
import Testing

/// The documentation names only commands and flags that `hakam` accepts: every `hakam …` line in a
/// code span or block of the README, `docs/*.md`, ARCHITECTURE.md and CONTRIBUTING.md is checked
/// against the command tree and each command's own help screen.
@Suite("Documented commands exist")
struct DocCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var documents: [URL] {
        let docs = repository.appendingPathComponent("docs")
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
        return ["README.md", "ARCHITECTURE.md", "CONTRIBUTING.md"].map { repository.appendingPathComponent($0) } + pages
    }

    @Test func everyDocumentedCommandAndFlagExists() throws {
        var checked = 0
        var problems: [String] = []
        for document in Self.documents where FileManager.default.fileExists(atPath: document.path) {
            let text = try String(contentsOf: document, encoding: .utf8)
            let name = String(document.path.dropFirst(Self.repository.path.count + 1))
            for mention in DocCommandMention.scan(text, file: name) {
                checked += 1
                problems += Self.problems(with: mention)
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // The README alone shows more than ten commands: finding none would mean the scan broke.
        #expect(checked > 10)
    }

    @Test func aMisspelledCommandOrFlagIsReportedWithItsLine() {
        let markdown = """
            Run `hakam queue --status pending`, then:

            ```sh
            hakam approve 3 --note ok
            hakam aprove 3        # a typo
            hakam classifier eval --format csv --fold 5 \\
              a.csv --sweep
            sudo -u hakam hakam migrate --dry
            journalctl -u hakam -f
            ```
            and `hakam approve\\|spam ID... [--not T]`.
            """
        let problems = DocCommandMention.scan(markdown, file: "x.md").flatMap(Self.problems(with:))
        #expect(problems == [
            "x.md:5: no command `hakam aprove`",
            "x.md:6: `hakam classifier eval` has no --fold",
            "x.md:8: `hakam migrate` has no --dry",
            "x.md:11: `hakam approve` has no --not",
            "x.md:11: `hakam spam` has no --not",
        ])
    }

    /// What is wrong with one mention, as `file:line: problem` lines (empty when it is right).
    static func problems(with mention: DocCommandMention) -> [String] {
        guard mention.words.first != "help" else { return [] }
        // A word written `approve|hold` stands for each alternative.
        var paths: [[String]] = [[]]
        for word in mention.words {
            let choices = word.split(separator: "|").map(String.init)
            paths = paths.flatMap { path in choices.map { path + [$0] } }
        }
        var problems: [String] = []
        for path in paths {
            switch resolve(path) {
            case .failure(let missing):
                problems.append("\(mention.file):\(mention.line): no command `hakam \(missing.name)`")
            case .success(let (command, name)):
                let accepted = acceptedFlags(command)
                for flag in mention.flags where !accepted.contains(flag) {
                    problems.append("\(mention.file):\(mention.line): `hakam \(name)` has no \(flag)")
                }
            }
        }
        return problems
    }

    struct UnknownCommand: Error { let name: String }

    /// The deepest command the words name; words past a command without subcommands are its
    /// arguments. An unknown word where a subcommand is required is an error.
    static func resolve(_ words: [String]) -> Result<(any ParsableCommand.Type, String), UnknownCommand> {
        var command: any ParsableCommand.Type = HakamCommand.self
        var names: [String] = []
        for word in words {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { break }
            if let next = subcommands.first(where: { $0._commandName == word }) {
                command = next
                names.append(word)
            } else if command.configuration.defaultSubcommand == nil {
                return .failure(UnknownCommand(name: (names + [word]).joined(separator: " ")))
            } else {
                break
            }
        }
        return .success((command, names.joined(separator: " ")))
    }

    /// The long flags in a command's help screen (and its default subcommand's), hidden ones too.
    static func acceptedFlags(_ command: any ParsableCommand.Type) -> Set<String> {
        var commands = [command]
        if let fallback = command.configuration.defaultSubcommand { commands.append(fallback) }
        var flags: Set<String> = ["--help"]
        for command in commands {
            let help = ObjectIdentifier(command) == ObjectIdentifier(HakamCommand.self)
                ? HakamCommand.helpMessage(includeHidden: true, columns: 10_000)
                : HakamCommand.helpMessage(for: command, includeHidden: true, columns: 10_000)
            var rest = Substring(help)
            while let range = rest.range(of: "--") {
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
                if !name.isEmpty { flags.insert("--" + name) }
                rest = rest[range.upperBound...]
            }
        }
        return flags
    }
}
