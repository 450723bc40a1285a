import Foundation
@testable import HakamPostgres
import Testing

/// The PostgreSQL migrations built into the binary are exactly the `.sql` files of the module's folder.
@Suite("built-in PostgreSQL migrations")
struct PostgresBuiltInMigrationsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/HakamPostgres/Migrations")

    @Test func builtInMigrationsMatchTheFolderFileForFile() throws {
        let fromDisk = try PostgresMigrator(directory: Self.folder).migrations
        let builtIn = try PostgresMigrator.builtIn().migrations
        #expect(!builtIn.isEmpty)
        #expect(builtIn.map(\.name) == fromDisk.map(\.name))
        #expect(builtIn.map(\.sql) == fromDisk.map(\.sql))
    }
}
