import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// What `approve`, `hold`, `spam` and `trash` share: ids or a filter, a note, who acts.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions

    @Argument(help: "Comment ids.") var ids: [Int64] = []
    @Option(help: ArgumentHelp("A note for the audit trail.", valueName: "text")) var note: String?
    @Option(help: ArgumentHelp("Filter: every comment with this reason code.", valueName: "code")) var reason: String?
    @Option(help: "Filter: every comment with this status (default with a filter: pending).") var status: StatusChoice?
    @Option(help: ArgumentHelp("Filter: every comment on this post.", valueName: "key")) var post: String?
    @Flag(help: "Act on a filter's matches without asking.") var yes = false

    var usesFilter: Bool { reason != nil || status != nil || post != nil }

    func validate() throws {
        if ids.isEmpty && !usesFilter {
            throw ValidationError("give comment ids, or a filter: --reason CODE, --status S, --post KEY")
        }
        if !ids.isEmpty && usesFilter {
            throw ValidationError("give comment ids or a filter (--reason, --status, --post), not both")
        }
        if let bad = ids.first(where: { $0 <= 0 }) { throw ValidationError("\(bad) is not a comment id") }
    }
}
