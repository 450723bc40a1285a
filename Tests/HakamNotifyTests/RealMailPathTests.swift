import Foundation
import HakamCore
import HakamNotify
import Logging
import Testing

/// Email through a real MTA: msmtp delivering over SMTP to a local sink, set up by `.ci/mail.sh`
/// (which exports HAKAM_TEST_SENDMAIL and HAKAM_TEST_MAIL_INBOX).
@Suite("email through a real MTA")
struct RealMailPathTests {
    static let environment = ProcessInfo.processInfo.environment
    static let sendmail = environment["HAKAM_TEST_SENDMAIL"]
    static let inbox = environment["HAKAM_TEST_MAIL_INBOX"]

    @Test(.enabled(if: sendmail != nil && inbox != nil, "SKIPPED: no real MTA path (run .ci/mail.sh: msmtp + an aiosmtpd sink)"))
    func aHeldCommentReachesTheSMTPSinkIntact() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let marker = "marker-\(UUID().uuidString)"
        try await fixture.add("تعليق للمراجعة \(marker)", action: .hold)
        let settings = EmailSettings(to: ["moderators@example.org"], from: "hakam@localhost", sendmail: Self.sendmail!, language: .ar)
        let worker = DeliveryWorker(database: fixture.database, configuration: { fatalError() }, builder: NotificationFactsBuilder(),
                                    metrics: nil, logger: Logger(label: "test"))
        try await worker.runOnce(DeliveryConfiguration(channels: [EmailChannel(settings: settings, mailer: SendmailMailer(path: Self.sendmail!))],
                                                       settings: DeliverySettings()))
        #expect(try await fixture.database.deliveryCounts().sent == 1)

        let folder = URL(fileURLWithPath: Self.inbox!)
        var found: MIMEParts?
        let deadline = Date().addingTimeInterval(20)
        while found == nil, Date() < deadline {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".eml") {
                let message = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let parts = try MIMEParts(message)
                if parts.plain.contains(marker) { found = parts }
            }
            if found == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        let parts = try #require(found, "the message did not reach the SMTP sink")
        #expect(parts.header("To") == "moderators@example.org")
        #expect(parts.decodedSubject.contains("ينتظر المراجعة"))
        #expect(parts.html.contains(#"dir="rtl""#))
        PrivacyScan.expectClean(parts.plain + parts.html)
    }
}
