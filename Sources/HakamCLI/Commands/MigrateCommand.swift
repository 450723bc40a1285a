import ArgumentParser

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply the database migrations and exit.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openDatabase()
        await store.close()
        print("database \(global.databaseLocation.displayName) is up to date")
    }
}
