import Foundation
import Testing
@testable import HakamCore

@Suite("Privacy MasterKey")
struct PrivacyMasterKeyTests {
    @Test("creates a 0600 key file of 64 hex digits and a newline, then reloads the same key")
    func createsAndReloads() throws {
        let directory = try PrivacyTemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("hakam.sqlite.key")

        let created = try MasterKey.loadOrCreate(at: path)
        #expect(created.bytes.count == 32)

        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        #expect(contents.count == 65)
        #expect(contents.hasSuffix("\n"))
        #expect(contents.dropLast().allSatisfy { $0.isHexDigit && !$0.isUppercase })

        let reloaded = try MasterKey.loadOrCreate(at: path)
        #expect(reloaded.bytes == created.bytes)
        #expect(try MasterKey.load(at: path).bytes == created.bytes)
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["hakam.sqlite.key"])
    }

    @Test("keys from separate files differ")
    func distinctKeys() throws {
        let directory = try PrivacyTemporaryDirectory()
        defer { directory.remove() }
        let a = try MasterKey.loadOrCreate(at: directory.file("a.key"))
        let b = try MasterKey.loadOrCreate(at: directory.file("b.key"))
        #expect(a.bytes != b.bytes)
    }

    @Test("concurrent first use ends with one key for everybody")
    func concurrentCreation() async throws {
        let directory = try PrivacyTemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("race.key")
        let keys = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { try MasterKey.loadOrCreate(at: path).bytes } }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(Set(keys).count == 1)
        #expect(try MasterKey.load(at: path).bytes == keys[0])
    }

    @Test("accepts upper-case hex and a missing or CRLF line end")
    func tolerantFormat() throws {
        let directory = try PrivacyTemporaryDirectory()
        defer { directory.remove() }
        let hex = String(repeating: "Ab", count: 32)
        for (name, text) in [("upper", hex + "\n"), ("bare", hex), ("crlf", hex + "\r\n")] {
            try text.write(toFile: directory.file(name), atomically: true, encoding: .utf8)
            #expect(try MasterKey.loadOrCreate(at: directory.file(name)).bytes == [UInt8](repeating: 0xAB, count: 32))
        }
    }

    @Test("a malformed key file is refused with an error naming the file, never overwritten")
    func malformedFiles() throws {
        let directory = try PrivacyTemporaryDirectory()
        defer { directory.remove() }
        let cases: [(String, String)] = [
            ("short", String(repeating: "ab", count: 16) + "\n"),
            ("long", String(repeating: "ab", count: 33) + "\n"),
            ("nothex", String(repeating: "zz", count: 32) + "\n"),
            ("empty", ""),
            ("spaces", String(repeating: "ab", count: 16) + " " + String(repeating: "ab", count: 16) + "\n"),
        ]
        for (name, text) in cases {
            let path = directory.file(name + ".key")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try MasterKey.loadOrCreate(at: path)
                Issue.record("\(name): malformed key file accepted")
            } catch {
                guard case .malformed(let reportedPath, _) = error else {
                    Issue.record("\(name): unexpected \(error)")
                    continue
                }
                #expect(reportedPath == path)
                #expect(error.description.contains(path))
            }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "\(name) was modified")
        }
    }

    @Test("binary junk and oversized files are refused")
    func junkFiles() throws {
        let directory = try PrivacyTemporaryDirectory()
        defer { directory.remove() }
        let junk = directory.file("junk.key")
        try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: URL(fileURLWithPath: junk))
        #expect(throws: MasterKeyError.malformed(path: junk, reason: "not text")) { try MasterKey.loadOrCreate(at: junk) }
        let big = directory.file("big.key")
        try Data(repeating: 0x61, count: 10_000).write(to: URL(fileURLWithPath: big))
        #expect(throws: MasterKeyError.self) { try MasterKey.loadOrCreate(at: big) }
    }

    @Test("an unreadable or uncreatable path gives a clear error naming it")
    func unusablePaths() throws {
        let directory = try PrivacyTemporaryDirectory()
        defer { directory.remove() }
        // A directory where the file should be.
        let folder = directory.file("folder.key")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        do {
            _ = try MasterKey.loadOrCreate(at: folder)
            Issue.record("a directory was accepted as a key file")
        } catch {
            #expect(error.description.contains(folder))
        }
        // A parent folder that does not exist.
        let missing = directory.file("no/such/dir/hakam.key")
        do {
            _ = try MasterKey.loadOrCreate(at: missing)
            Issue.record("created a key in a missing folder")
        } catch {
            guard case .cannotCreate(let path, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(path == missing)
            #expect(error.description.contains(missing))
        }
        #expect(throws: MasterKeyError.self) { try MasterKey.load(at: directory.file("absent.key")) }
    }

    @Test("init(bytes:) wants exactly 32 bytes; descriptions never show key material")
    func bytesAndRedaction() throws {
        #expect(throws: MasterKeyError.invalidLength(actual: 31)) { try MasterKey(bytes: [UInt8](repeating: 1, count: 31)) }
        let key = try MasterKey(bytes: [UInt8](repeating: 0xAB, count: 32))
        var dumped = ""
        dump(key, to: &dumped)
        for text in ["\(key)", String(reflecting: key), dumped] {
            #expect(!text.contains("171")) // 0xAB in decimal, as a default description would print it
            #expect(!text.lowercased().contains("abab"))
        }
    }
}
