import ArgumentParser
import Foundation
import HakamCore
import HakamNotify

/// `hakam notify test`: a sample event through every configured channel, each result reported.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "Notification tools.", subcommands: [NotifyTestCommand.self])
}

struct NotifyTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Send a sample notification through every configured channel and report each result.")

    @OptionGroup var global: GlobalOptions

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        let policy = try global.loadPolicy()
        let configuration: DeliveryConfiguration
        do {
            configuration = try ChannelFactory().configuration(for: policy.notifications)
        } catch {
            throw CLIError("notifications: \(error.message)")
        }
        guard !configuration.channels.isEmpty else {
            throw CLIError("no notification channel is configured (notifications.webhooks or notifications.email in \(global.policySource.path))")
        }
        let sample = Self.sample(language: policy.notifications.email?.language ?? .ar, now: console.now())
        var failures = 0
        for channel in configuration.channels {
            do {
                try await channel.send([sample])
                console.print("ok      \(channel.destination)")
            } catch {
                failures += 1
                console.print("FAILED  \(channel.destination): \(error.message)")
            }
        }
        if failures > 0 { throw CLIError("\(failures) of \(configuration.channels.count) channels failed") }
    }

    /// A held comment that does not exist (id 0), marked as a test in its text.
    static func sample(language: NotificationLanguage, now: Date) -> NotificationFacts {
        NotificationFacts(
            eventID: "evt_test_" + HexEncoding.encode((0..<8).map { _ in UInt8.random(in: 0...255) }), type: .held, occurredAt: now,
            commentID: 0, post: "hakam-notify-test", status: "pending", score: 5,
            reasons: [Reason(code: "test.notification", weight: 5)],
            excerpt: language == .ar ? "هذا تنبيه تجريبي من «hakam notify test»." : "This is a test notification from `hakam notify test`.",
            authorName: "Hakam", actor: "hakam", action: "submit")
    }
}

extension NotifyTestCommand: ConsoleCommand {}
