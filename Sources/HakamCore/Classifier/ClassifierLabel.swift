/// The two classes the classifier learns. A moderator's `spam` is spam, `approve` is ham;
/// `hold` and `trash` teach nothing (trash is off-topic or abusive, not advertising).
public enum ClassifierLabel: String, Sendable, CaseIterable, Codable {
    case spam, ham

    public init?(status: CommentStatus) {
        switch status {
        case .spam: self = .spam
        case .approved: self = .ham
        case .pending, .trash: return nil
        }
    }
}
