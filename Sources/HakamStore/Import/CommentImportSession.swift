/// Writes imported comments inside the one transaction of `CommentStore.importComments`.
/// Each comment gets its `import_sources` row and an audit event (`import`, by "import");
/// the author counters follow, as for submitted comments. Imported comments are not judged:
/// they were moderated where they came from.
public protocol CommentImportSession: AnyObject {
    func add(_ comment: ImportedComment) throws -> ImportOutcome
}

public enum ImportOutcome: Sendable, Equatable {
    /// Stored; the id is nil where the backend assigns it at commit (PostgreSQL writes the
    /// whole import at the end).
    case imported(commentID: Int64?)
    case alreadyImported
}

/// The names an import writes into the audit log and `policy_version`.
public enum ImportMarks {
    public static let actor = "import"
    public static let auditAction = "import"
    /// The `policy_version` of imported comments: no Hakam policy judged them.
    public static let policyVersion = "import"
}
