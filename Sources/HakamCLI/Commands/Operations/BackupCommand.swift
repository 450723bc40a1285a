import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HakamCore
import HakamSQLite
import HakamStore

/// `hakam backup DEST [--with-key]`: a consistent copy of the live database while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database while the server runs: consistent, verified, mode 0600.",
        discussion: """
            DEST is a file, or a folder that gets hakam-YYYYMMDDTHHMMSSZ.sqlite. The copy holds every comment \
            acknowledged before the backup started. Stored emails and hashes need the key file: --with-key \
            copies it to DEST.key (0600); without it, keep the key file safe elsewhere.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Where to write the copy: a file, or an existing folder.") var destination: String
    @Flag(name: .customLong("with-key"), help: "Also copy the key file to DEST.key (mode 0600).") var withKey = false
    @Flag(help: "Replace DEST (and DEST.key) when they exist.") var force = false

    func run() async throws {
        let target = Self.resolve(destination, now: Date())
        let report: DatabaseSnapshot.Report
        do {
            report = try DatabaseSnapshot.copy(from: try global.sqlitePath(for: "backup"), to: target, replacing: force)
        } catch let failure as DatabaseSnapshot.Failure {
            throw CLIError("backup failed: \(failure)")
        } catch {
            throw CLIError("backup of \(global.databasePath) failed: \(error)")
        }
        let counts = report.rowCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("wrote \(report.path) (\(report.bytes) bytes, mode 0600, integrity ok)")
        print("rows: \(counts)")
        if withKey {
            let keyCopy = target + ".key"
            do {
                let key = try MasterKey.load(at: global.keyFilePath)
                if force { unlink(keyCopy) }
                guard try key.writeNew(to: keyCopy) else { throw CLIError("\(keyCopy) exists already (use --force to replace it)") }
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("the database copy is written, but the key file was not copied: \(error)")
            }
            print("wrote \(keyCopy) (the key file, mode 0600): keep it as safe as the database")
        } else {
            let keyed = (report.rowCounts["comments"] ?? 0) + (report.rowCounts["bans"] ?? 0)
            FileHandle.standardError.write(Data("""
                WARNING: the key file \(global.keyFilePath) is NOT in this backup.
                WARNING: without that exact file, the stored emails and the email and IP hashes in the copy \
                (bans, author history; \(keyed) comment and ban rows) can never be matched or read again.
                WARNING: copy it somewhere safe once (it only changes with `hakam rotate-key`), or run backup with --with-key.

                """.utf8))
        }
    }

    /// A folder gets a timestamped file name, so the same command line can run from cron.
    static func resolve(_ destination: String, now: Date) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue else { return destination }
        return URL(fileURLWithPath: destination).appendingPathComponent("hakam-\(FileStamp.string(now)).sqlite").path
    }
}
