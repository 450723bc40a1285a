import Foundation
import Testing
import HakamTestSupport

/// The key file and the database are the owner's only, the key is never shown, and a lost key
/// is an error — never a silently new key that orphans every stored hash.
@Suite("key and database files (binary)")
struct KeyFileSafetyTests {
    let directory: URL
    var databasePath: String { directory.appendingPathComponent("site.sqlite").path }
    var keyPath: String { directory.appendingPathComponent("site.key").path }
    var logPath: String { directory.appendingPathComponent("serve.log").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func runHakam(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try #require(ServerProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func filesAre0600AndTheKeyIsNeverShownAndALostKeyStopsTheServer() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["--db", databasePath, "--key-file", keyPath, "--log-level", "trace"]
        let server = try ServerProcess(directory: directory, arguments: arguments, logPath: logPath)
        let reply = await onThread { RawHTTP.postJSON(port: server.port, #"{"post":"p","name":"n","email":"n@example.com","body":"hello"}"#) }
        #expect(reply?.status == 201)
        // While the server runs, SQLite's -wal and -shm files exist too.
        for path in [databasePath, databasePath + "-wal", databasePath + "-shm", keyPath] {
            #expect(try mode(path) == 0o600, "\(path)")
        }
        #expect(server.stop() == 0)

        let key = try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(key.count == 64)
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(!log.isEmpty)
        #expect(!log.contains(key), "the key appears in the log")
        #expect(!log.contains(String(key.prefix(16))), "part of the key appears in the log")

        // The key file is lost; the database still holds the comment's hashes.
        try FileManager.default.removeItem(atPath: keyPath)
        let refused = try runHakam(["serve", "--port", "0"] + arguments)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty, "it never started listening")
        #expect(refused.stderr.split(separator: "\n").count == 1, "one line: \(refused.stderr)")
        #expect(refused.stderr.contains("key file \(keyPath) is missing"))
        #expect(refused.stderr.contains("restore the key file"))
        #expect(!FileManager.default.fileExists(atPath: keyPath), "no new key was made")
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func anEmptyDatabaseWithoutKeyGetsANewKey() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try runHakam(["migrate", "--db", databasePath]).status == 0)
        #expect(try mode(databasePath) == 0o600)
        // No hashed rows yet: nothing can be orphaned, so a first key is created.
        let server = try ServerProcess(directory: directory, arguments: ["--db", databasePath, "--key-file", keyPath], logPath: logPath)
        #expect(server.stop() == 0)
        #expect(try mode(keyPath) == 0o600)
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func anotherKeyFileIsRefusedAndChangesNothing() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["--db", databasePath, "--key-file", keyPath]
        let server = try ServerProcess(directory: directory, arguments: arguments, logPath: logPath)
        let reply = await onThread { RawHTTP.postJSON(port: server.port, #"{"post":"p","name":"n","email":"n@example.com","body":"hello"}"#) }
        #expect(reply?.status == 201)
        #expect(server.stop() == 0)

        // A key file from elsewhere (another site, a mixed-up backup): 32 other random bytes.
        let otherKey = directory.appendingPathComponent("other.key").path
        let hex = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        #expect(FileManager.default.createFile(atPath: otherKey, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600]))

        let refused = try runHakam(["serve", "--port", "0", "--db", databasePath, "--key-file", otherKey])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty, "it never started listening")
        #expect(refused.stderr.contains("does not open the emails stored in \(databasePath)"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("n@example.com"))
        // The right key still works.
        #expect(try runHakam(["queue", "--db", databasePath, "--key-file", keyPath]).status == 0)
    }
}
