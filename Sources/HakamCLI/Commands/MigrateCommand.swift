import ArgumentParser

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply the database migrations and exit.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        _ = try global.openDatabase()
        print("database \(global.databasePath) is up to date")
    }
}
