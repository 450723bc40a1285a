import Foundation
import HakamCore
import HakamNotify
import HakamStore
@testable import HakamSQLite
import Logging
import Testing

/// Email through a sendmail-compatible program: a script that stores each message it reads.
@Suite("email delivery")
struct EmailDeliveryTests {
    /// A fake `sendmail` that checks its flags and writes stdin to a new file in `folder` (renamed into
    /// place, so a test never reads a message half-written).
    static func fakeSendmail(in folder: URL, exitStatus: Int = 0) throws -> String {
        let path = folder.appendingPathComponent("sendmail").path
        try """
            #!/bin/sh
            [ "$1" = "-t" ] && [ "$2" = "-i" ] || { echo "bad flags: $*" >&2; exit 64; }
            name="\(folder.path)/mail-$(date +%s%N)-$$"
            cat > "$name.part" && mv "$name.part" "$name.eml"
            exit \(exitStatus)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    static func messages(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    func pass(_ fixture: OutboxFixture, _ channel: EmailChannel, now: Date = Date()) async throws {
        let worker = DeliveryWorker(database: fixture.database, configuration: { fatalError() }, builder: NotificationFactsBuilder(),
                                    metrics: nil, logger: Logger(label: "test"), now: { now })
        try await worker.runOnce(DeliveryConfiguration(channels: [channel], settings: DeliverySettings()))
    }

    @Test func anArabicMessageIsMultipartRightToLeftAndPrivate() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let sendmail = try Self.fakeSendmail(in: fixture.directory)
        try await fixture.add("تعليق يحتاج مراجعة <script>", action: .hold)
        let settings = EmailSettings(to: ["mods@example.org"], from: "hakam@example.org", sendmail: sendmail, language: .ar)
        try await pass(fixture, EmailChannel(settings: settings, mailer: SendmailMailer(path: sendmail)))

        let messages = try Self.messages(in: fixture.directory)
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        let parts = try MIMEParts(message)
        #expect(parts.header("To") == "mods@example.org")
        #expect(parts.header("From") == "hakam@example.org")
        #expect(parts.decodedSubject.contains("ينتظر المراجعة"))
        #expect(parts.header("Content-Type")?.hasPrefix("multipart/alternative") == true)
        #expect(parts.plain.contains("تعليق يحتاج مراجعة <script>"))
        #expect(parts.html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(parts.html.contains("&lt;script&gt;"))
        #expect(!parts.html.contains("<script>"))
        PrivacyScan.expectClean(parts.plain + parts.html + message)
        #expect(try await fixture.database.deliveryCounts().sent == 1)
    }

    @Test func aDigestGathersEventsUntilItsTime() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let sendmail = try Self.fakeSendmail(in: fixture.directory)
        let settings = EmailSettings(to: ["mods@example.org"], sendmail: sendmail, digestMinutes: 10, language: .en)
        let channel = EmailChannel(settings: settings, mailer: SendmailMailer(path: sendmail))
        let now = Date(timeIntervalSince1970: 1_800_000_060)  // one minute into a ten-minute window
        for index in 0..<3 { try await fixture.add("comment number \(index)") }
        try await pass(fixture, channel, now: now)
        #expect(try Self.messages(in: fixture.directory).isEmpty)
        try await pass(fixture, channel, now: now.addingTimeInterval(9 * 60))
        let messages = try Self.messages(in: fixture.directory)
        #expect(messages.count == 1)
        let parts = try MIMEParts(try #require(messages.first))
        #expect(parts.decodedSubject == "[Hakam] 3 new notifications")
        #expect((0..<3).allSatisfy { parts.plain.contains("comment number \($0)") })
        #expect(parts.html.contains(#"<html lang="en" dir="ltr">"#))
    }

    @Test func aFailingSendmailKeepsTheDeliveryPendingWithItsReason() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let sendmail = try Self.fakeSendmail(in: fixture.directory, exitStatus: 75)
        try await fixture.add()
        let settings = EmailSettings(to: ["mods@example.org"], sendmail: sendmail)
        try await pass(fixture, EmailChannel(settings: settings, mailer: SendmailMailer(path: sendmail)))
        let pending = try #require(try await fixture.database.deliveries(status: .pending, limit: 5).first)
        #expect(pending.lastError == "\(sendmail) exited with status 75")
    }
}

/// The headers and the two decoded bodies of a multipart/alternative message.
struct MIMEParts {
    var headers: [String: String] = [:]
    var plain = ""
    var html = ""

    init(_ message: String) throws {
        let normalized = message.replacingOccurrences(of: "\r\n", with: "\n")
        let sections = normalized.components(separatedBy: "\n\n")
        // Headers, with folded lines joined.
        for line in sections[0].replacingOccurrences(of: "\n ", with: " ").split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let boundary = headers["Content-Type"]?.components(separatedBy: "boundary=\"").last?.dropLast() else { return }
        for part in normalized.components(separatedBy: "--\(boundary)").dropFirst() {
            let pieces = part.components(separatedBy: "\n\n")
            guard pieces.count >= 2, let data = Data(base64Encoded: pieces[1].replacingOccurrences(of: "\n", with: "")) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if pieces[0].contains("text/plain") { plain = text } else if pieces[0].contains("text/html") { html = text }
        }
    }

    func header(_ name: String) -> String? { headers[name] }

    /// Whitespace between encoded words is not text (RFC 2047 §6.2).
    var decodedSubject: String {
        let raw = header("Subject") ?? ""
        guard raw.contains("=?UTF-8?B?") else { return raw }
        return raw.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
                  let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) else { return String(word) }
            return String(decoding: data, as: UTF8.self)
        }.joined()
    }
}
