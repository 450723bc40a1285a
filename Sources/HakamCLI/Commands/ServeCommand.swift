import ArgumentParser
import Foundation
import HakamCore
import HakamHTTP
import HakamSQLite
import HakamService
import HakamStore
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP service (migrates first).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free port.") var port = 8080
    @Option(name: .customLong("log-format"), help: "Log lines on stderr as text or json.") var logFormat: LogFormat = .text
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"
    @Option(name: .customLong("read-log-level"),
            help: "Level of the access line of a public comment list read answered 200 or 304 (every other request's is info).")
    var readLogLevel = "debug"
    @Option(help: "SQLite synchronous mode: normal (survives crashes; WAL) or full (also survives power loss, slower).")
    var durability: String = "normal"
    @Option(name: .customLong("submit-batch"),
            help: "Most submissions one group-commit transaction writes (1 turns group commit off).")
    var submitBatch = 64
    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay idle (also bounds slow request headers).")
    var idleTimeout: Int64 = 30
    @Option(name: .customLong("body-timeout"), help: "Seconds a request body may take to arrive in full (slow bodies get 408).")
    var bodyTimeout: Int64 = 10

    func validate() throws {
        guard (1...10_000).contains(submitBatch) else { throw ValidationError("--submit-batch must be between 1 and 10000") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
        guard Logger.Level(rawValue: readLogLevel) != nil else { throw ValidationError("--read-log-level must be one of trace, debug, info, notice, warning, error, critical") }
        guard AppDatabase.Durability(rawValue: durability) != nil else { throw ValidationError("--durability must be normal or full") }
        guard (1...3600).contains(idleTimeout), (1...3600).contains(bodyTimeout) else { throw ValidationError("--idle-timeout and --body-timeout must be between 1 and 3600 seconds") }
    }

    func run() async throws {
        let format = logFormat
        LoggingSystem.bootstrap { label in
            var handler = format.makeHandler(label: label)
            handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            return handler
        }
        let logger = Logger(label: "hakam")
        let policy = try global.loadPolicy()
        // Lessons from action links and the model's opinions use the word lists loaded now; a
        // reload (SIGHUP) changes the rules, and the classifier's lists at the next start.
        let database = try global.teaching(await global.openDatabase(durability: AppDatabase.Durability(rawValue: durability) ?? .normal, submitBatch: submitBatch,
                                                                     backgroundCheckpoints: true), policy: policy)
        let protector = try await global.loadProtector(for: database)
        let services = AppServices(database: database, policy: policy, protector: protector)
        logger.info("starting", metadata: ["policy_version": .string(String(policy.version.prefix(12))), "durability": .string(durability)])

        let app = buildApplication(services: services, settings: HTTPServerSettings(host: host, port: port, idleTimeoutSeconds: idleTimeout, bodyTimeoutSeconds: bodyTimeout,
                                                                                   publicReadLogLevel: Logger.Level(rawValue: readLogLevel) ?? .debug), logger: logger) { host, port in
            // The contract (DESIGN.md §3): the first line on stdout says where we listen.
            // Written unbuffered: scripts wait for this line.
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
        }
        let policySource = global.policySource
        let deliveryWorker = try Self.makeDeliveryWorker(services: services, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { try await deliveryWorker.run() }
            group.addTask { await PolicyReloader(source: policySource, holder: services.policy, logger: logger).run() }
            try await group.next()
            group.cancelAll()
        }
    }
}

/// Reloads the policy on SIGHUP; a bad file is refused and the running policy kept.
struct PolicyReloader {
    let source: PolicySource
    let holder: PolicyHolder
    let logger: Logger

    func run() async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            do {
                let policy = try source.load()
                holder.replace(with: policy)
                logger.notice("policy reloaded", metadata: ["policy_version": .string(String(policy.version.prefix(12)))])
            } catch {
                logger.error("policy reload refused, keeping the running policy", metadata: ["error": .string(error.description)])
            }
        }
    }
}
