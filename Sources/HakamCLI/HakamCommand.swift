import ArgumentParser

/// The `hakam` binary: only the command table lives here.
public struct HakamCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hakam",
        abstract: "Hakam (حَكَم): comment moderation for news sites.",
        version: HakamVersion.description,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, PolicyCommand.self, InitCommand.self,
            QueueCommand.self, ShowCommand.self, ApproveCommand.self, HoldCommand.self, SpamCommand.self, TrashCommand.self,
            ReviewCommand.self, HistoryCommand.self, UndoCommand.self, BanCommand.self, UnbanCommand.self, BansCommand.self,
            ForgetCommand.self, PurgeCommand.self, StatsCommand.self,
            ExportCommand.self, ImportCommand.self, BackupCommand.self, RestoreCommand.self, RotateKeyCommand.self,
            TrainCommand.self, ClassifierCommand.self,
            DeliveriesCommand.self, NotifyCommand.self, PublishCommand.self,
        ]
    )

    public init() {}
}
