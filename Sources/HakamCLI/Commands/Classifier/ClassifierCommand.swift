import ArgumentParser

/// `hakam classifier eval|stats|rescore`.
struct ClassifierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classifier",
        abstract: "Measure the spam classifier, show what it has learned, or score its lessons again.",
        subcommands: [ClassifierEvalCommand.self, ClassifierStatsCommand.self, ClassifierRescoreCommand.self])
}
