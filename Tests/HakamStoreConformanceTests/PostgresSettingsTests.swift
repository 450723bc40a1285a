import HakamPostgres
import Testing

/// The database URL: every part parsed, the password never shown.
@Suite struct PostgresSettingsTests {
    @Test func urlPartsAndPasswordSources() throws {
        let full = try PostgresSettings(url: "postgres://hakam:s3cret@db.example:6543/comments?sslmode=require")
        #expect(full.user == "hakam" && full.host == "db.example" && full.port == 6543 && full.database == "comments")
        #expect(full.password == "s3cret" && full.sslMode == .require)
        #expect(!full.description.contains("s3cret"))
        #expect(full.description == "postgres://hakam@db.example:6543/comments")

        let fromFile = try PostgresSettings(url: "postgresql://hakam@127.0.0.1/comments", password: "from-file")
        #expect(fromFile.password == "from-file" && fromFile.port == 5432 && fromFile.sslMode == .disable)

        let socket = try PostgresSettings(url: "postgres://hakam@localhost/comments?host=/var/run/postgresql")
        #expect(socket.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
    }

    @Test(arguments: ["mysql://u@h/db", "postgres://h/db", "postgres://u@h/", "postgres://u@h/db?sslmode=sometimes"])
    func malformedURLsAreRefusedWithoutEchoingThem(_ url: String) {
        #expect(throws: PostgresSettingsError.self) { try PostgresSettings(url: url) }
    }
}
