import PostgresNIO

extension PostgresQuery.StringInterpolation {
    /// The one way an audit event is written on PostgreSQL — submissions, imports, decisions,
    /// reveals, erasure: `INSERT INTO moderation_events … SELECT …` with the values bound, to be
    /// used alone or as a CTE step after the comment's own INSERT. An empty note is stored as none.
    mutating func appendInterpolation(insert event: AuditEvent) {
        appendLiteral("INSERT INTO moderation_events (comment_id, actor, action, from_status, to_status, note, created_at) SELECT ")
        switch event.comment {
        case .id(let id): appendInterpolation(id)
        case .insertedBy: appendLiteral("id")
        }
        appendLiteral(", ")
        appendInterpolation(event.actor)
        appendLiteral(", ")
        appendInterpolation(event.action)
        appendLiteral(", ")
        appendInterpolation(event.from?.rawValue)
        appendLiteral(", ")
        appendInterpolation(event.to.rawValue)
        appendLiteral(", ")
        appendInterpolation(event.note.flatMap { $0.isEmpty ? nil : $0 })
        appendLiteral(", ")
        appendInterpolation(event.at)
        if case .insertedBy(let step) = event.comment { appendLiteral(" FROM \(step)") }
    }
}
