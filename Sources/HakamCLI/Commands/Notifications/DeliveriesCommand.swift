import ArgumentParser
import Foundation
import HakamStore

/// `hakam deliveries`: what the outbox still has to send, what it gave up on, and a retry.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "List notification deliveries (pending and failed by default), or retry one.",
        subcommands: [DeliveriesListCommand.self, DeliveriesRetryCommand.self], defaultSubcommand: DeliveriesListCommand.self)
}

struct DeliveriesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List deliveries.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "pending, failed or sent (default: pending and failed).") var status: DeliveryStatus?
    @Option(help: "At most this many, newest first.") var limit = 100
    @Flag(help: "One JSON array instead of a table.") var json = false

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let deliveries = try await database.deliveries(status: status, limit: max(1, limit))
            if json {
                console.print(try ModerationJSON.line(deliveries.map(DeliveryJSON.init)))
                return
            }
            guard !deliveries.isEmpty else {
                console.print(status.map { "no \($0.rawValue) deliveries" } ?? "no pending or failed deliveries")
                return
            }
            var table = TerminalTable([
                .init(title: "ID", alignRight: true), .init(title: "STATUS"), .init(title: "EVENT"), .init(title: "COMMENT", alignRight: true),
                .init(title: "DESTINATION", maxWidth: 34), .init(title: "TRIES", alignRight: true), .init(title: "NEXT"),
                .init(title: "LAST ERROR", maxWidth: 40),
            ])
            for delivery in deliveries {
                table.append([
                    .init("\(delivery.id)"), .init(delivery.status.rawValue, delivery.status == .failed ? .red : nil), .init(delivery.event.type),
                    .init(delivery.event.commentID.map { "\($0)" } ?? ""), .init(delivery.destination), .init("\(delivery.attempts)"),
                    .init(delivery.status == .pending ? ModerationFormat.timestamp(delivery.nextAttemptAt) : ""),
                    .init(delivery.lastError ?? ""),
                ])
            }
            for line in table.render(width: console.width, style: console.style) { console.print(line) }
        } catch {
            throw moderationFailure(error)
        }
    }
}

struct DeliveriesRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue deliveries again, due now (the running server sends them with the same event id).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Delivery ids (from `hakam deliveries`).") var ids: [Int64]

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            var missing: [Int64] = []
            for id in ids {
                if try await database.retryDelivery(id: id, now: console.now()) {
                    console.print("delivery \(id) queued again")
                } else {
                    missing.append(id)
                }
            }
            if !missing.isEmpty {
                throw CLIError("no delivery with id \(missing.map(String.init).joined(separator: ", "))")
            }
        } catch {
            throw moderationFailure(error)
        }
    }

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("give at least one delivery id") }
    }
}

extension DeliveryStatus: ExpressibleByArgument {}

/// `--json` shape of one delivery: names and states only, nothing that was sent.
struct DeliveryJSON: Encodable {
    var id: Int64
    var status: String
    var destination: String
    var eventID: String
    var type: String
    var commentID: Int64?
    var attempts: Int
    var nextAttemptAt: Date
    var lastError: String?
    var sentAt: Date?
    var createdAt: Date

    init(_ delivery: Delivery) {
        id = delivery.id
        status = delivery.status.rawValue
        destination = delivery.destination
        eventID = delivery.event.eventID
        type = delivery.event.type
        commentID = delivery.event.commentID
        attempts = delivery.attempts
        nextAttemptAt = delivery.nextAttemptAt
        lastError = delivery.lastError
        sentAt = delivery.sentAt
        createdAt = delivery.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, status, destination, type, attempts
        case eventID = "event_id", commentID = "comment_id", nextAttemptAt = "next_attempt_at", lastError = "last_error"
        case sentAt = "sent_at", createdAt = "created_at"
    }
}

extension DeliveriesListCommand: ConsoleCommand {}
extension DeliveriesRetryCommand: ConsoleCommand {}
