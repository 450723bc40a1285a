import Foundation
import Testing

/// The binary carries its migrations, shipped policy and version: it works copied alone into an empty folder.
@Suite("built-in files, init and --version (binary)")
struct ShippedFilesTests {
    /// The repository's shipped policy folder, which the binary must carry byte for byte.
    static let policiesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/HakamCLI/Resources/Policies")

    let folder: URL
    init() throws { folder = try makeTemporaryFolder("hakam-shipped") }

    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func versionPrintsTheNumberAndTheCommit() throws {
        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: folder)
        let output = try hakam.run(["--version"])
        #expect(output.status == 0)
        let line = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pattern = #/hakam \d+\.\d+\.\d+ \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)/#
        #expect(line.wholeMatch(of: pattern) != nil, "got: \(line)")
    }

    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func initWritesTheShippedPolicyAndListsByteForByte() throws {
        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: folder)
        let target = folder.appendingPathComponent("site-policy")
        let output = try hakam.run(["init", target.path])
        #expect(output.status == 0, "\(output.stderr)")

        let manager = FileManager.default
        let shipped = try manager.subpathsOfDirectory(atPath: Self.policiesFolder.path)
            .filter { !$0.hasPrefix(".") && !isDirectory(Self.policiesFolder.appendingPathComponent($0)) }.sorted()
        let written = try manager.subpathsOfDirectory(atPath: target.path)
            .filter { !isDirectory(target.appendingPathComponent($0)) }.sorted()
        #expect(written == shipped)
        #expect(shipped.contains("default.yml") && shipped.contains { $0.hasPrefix("words/") } && shipped.contains { $0.hasPrefix("domains/") })
        for path in shipped {
            #expect(try Data(contentsOf: target.appendingPathComponent(path)) == Data(contentsOf: Self.policiesFolder.appendingPathComponent(path)), "\(path)")
        }
        #expect(output.stdout.contains("wrote \(shipped.count) files"))

        // The copy is the same policy as the built-in one (same version), and it is the one in use when named.
        let builtIn = try hakam.run(["policy", "check"])
        let copy = try hakam.run(["policy", "check", target.appendingPathComponent("default.yml").path])
        #expect(builtIn.status == 0 && copy.status == 0)
        #expect(builtIn.stdout.contains("(built-in)"))
        let builtInVersion = builtIn.stdout.firstMatch(of: #/version ([0-9a-f]{12})/#).map { String($0.1) }
        let copyVersion = copy.stdout.firstMatch(of: #/version ([0-9a-f]{12})/#).map { String($0.1) }
        #expect(builtInVersion != nil && builtInVersion == copyVersion)
    }

    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func initRefusesToOverwriteAnEditedPolicyUnlessForced() throws {
        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: folder)
        let target = folder.appendingPathComponent("p")
        #expect(try hakam.run(["init", target.path]).status == 0)
        let policyFile = target.appendingPathComponent("default.yml")
        try Data("moderation: all\n".utf8).write(to: policyFile)

        let refused = try hakam.run(["init", target.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already holds") && refused.stderr.contains("default.yml"))
        #expect(try String(contentsOf: policyFile, encoding: .utf8) == "moderation: all\n")

        #expect(try hakam.run(["init", "--force", target.path]).status == 0)
        #expect(try Data(contentsOf: policyFile) == Data(contentsOf: Self.policiesFolder.appendingPathComponent("default.yml")))
    }

    /// No resource bundle, no build tree: the executable copied alone still migrates and checks its policy.
    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func theBinaryCopiedAloneMigratesAndChecksTheBuiltInPolicy() throws {
        let lone = folder.appendingPathComponent("bin/hakam")
        try FileManager.default.createDirectory(at: lone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try #require(HakamBinary.built), to: lone)
        let hakam = HakamBinary(executable: lone, directory: folder)

        let migrate = try hakam.run(["migrate", "--db", "site.sqlite"])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("is up to date"))
        let check = try hakam.run(["policy", "check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("word lists with") && !check.stdout.contains(" 0 word lists"))
    }

    private func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
