import ArgumentParser

/// `hakam classifier eval|stats`.
struct ClassifierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classifier",
        abstract: "Measure the spam classifier, or show what it has learned.",
        subcommands: [ClassifierEvalCommand.self, ClassifierStatsCommand.self])
}
