import ArgumentParser
import HakamCore

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Check a policy file.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a policy file and print a summary.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The policy file (default: --policy or the shipped one).") var file: String?

        func run() async throws {
            let path = file ?? global.policyPath
            let policy: Policy
            do { policy = try PolicyLoader().load(path: path) } catch { throw CLIError(error.description) }
            print("\(path): ok (version \(policy.version.prefix(12)), moderation \(policy.moderation.rawValue), thresholds hold \(policy.thresholds.hold) / spam \(policy.thresholds.spam) / trash \(policy.thresholds.trash))")
        }
    }
}
