import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `--as NAME`: who is acting, for the audit trail.
struct ModeratorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting, for the audit trail (default: $USER).", valueName: "name"))
    var name: String?

    func validate() throws {
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--as must not be empty") }
    }

    /// `--as`, else `$USER`, else `unknown`.
    func actor(in console: TerminalConsole) -> String {
        if let name { return name.trimmingCharacters(in: .whitespaces) }
        if let user = console.environment["USER"], !user.isEmpty { return user }
        return "unknown"
    }
}
