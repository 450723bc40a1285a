/// Which decision `undo` reverts, the same on every backend.
public enum UndoRule {
    /// Newest-first `events`: each `undo` cancels the newest status change before it that is
    /// not cancelled yet; the first uncancelled moderator change is the one to revert.
    public static func lastUndoableEvent(in newestFirst: [ModerationEventRecord]) -> ModerationEventRecord? {
        var pendingUndos = 0
        for event in newestFirst {
            guard let from = event.fromStatus, from != event.toStatus else { continue }
            if event.action == AuditAction.undo {
                pendingUndos += 1
            } else if pendingUndos > 0 {
                pendingUndos -= 1
            } else {
                return event
            }
        }
        return nil
    }
}
