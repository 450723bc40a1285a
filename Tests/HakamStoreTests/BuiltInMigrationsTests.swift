import Foundation
@testable import HakamSQLite
import Testing

/// The migrations built into the binary are exactly the `.sql` files of the module's Migrations folder.
@Suite("built-in migrations")
struct BuiltInMigrationsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/HakamSQLite").appendingPathComponent(SQLMigrations.builtInFolder)

    @Test func builtInMigrationsMatchTheFolderFileForFile() throws {
        let fromDisk = try SQLMigrations(directory: Self.folder).migrations
        let builtIn = try SQLMigrations.builtIn().migrations
        #expect(!builtIn.isEmpty)
        #expect(builtIn.map(\.identifier) == fromDisk.map(\.identifier))
        #expect(builtIn == fromDisk)
        #expect(builtIn.map(\.identifier) == builtIn.map(\.identifier).sorted())
    }
}
