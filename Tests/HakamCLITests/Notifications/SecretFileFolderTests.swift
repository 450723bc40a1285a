import Foundation
import HakamCore
import Testing
@testable import HakamCLI

/// A webhook's relative `secret_file` is read next to the policy file that names it; the
/// built-in policy has no folder on disk, so there it is read from the current directory.
@Suite("webhook secret_file folder")
struct SecretFileFolderTests {
    static let section = """

        notifications:
          webhooks:
            - url: https://hooks.example.org/hakam
              secret_file: webhook.secret

        """

    @Test func theBuiltInPolicyReadsSecretsFromTheCurrentDirectory() throws {
        let yaml = try #require(ShippedPolicy.files["default.yml"]) + Self.section
        let policy = try ShippedPolicy.loader.parse(yaml, file: ShippedPolicy.defaultPolicyPath)
        let expected = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("webhook.secret").standardizedFileURL.path
        #expect(policy.notifications.webhooks.first?.secretFile == expected)
    }

    @Test func aPolicyFileReadsSecretsFromItsOwnFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("policy.yml")
        try ("moderation: first_time\n" + Self.section).write(to: file, atomically: true, encoding: .utf8)
        let policy = try PolicySource.file(file.path).load()
        #expect(policy.notifications.webhooks.first?.secretFile == folder.appendingPathComponent("webhook.secret").standardizedFileURL.path)
    }
}
