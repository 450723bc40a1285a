import Foundation

/// The words of notifications, in Arabic or English.
public struct NotificationText: Sendable {
    public let language: NotificationLanguage

    public init(language: NotificationLanguage) { self.language = language }

    var isArabic: Bool { language == .ar }

    /// One line: what happened to which comment on which post.
    public func summary(_ facts: NotificationFacts) -> String {
        let comment = facts.commentID.map { isArabic ? "التعليق \($0)" : "Comment \($0)" } ?? (isArabic ? "تعليق" : "A comment")
        let post = facts.post.map { isArabic ? " على «\($0)»" : " on “\($0)”" } ?? ""
        let by = facts.actor.map { isArabic ? " (\($0))" : " (by \($0))" } ?? ""
        switch facts.type {
        case .held: return isArabic ? "\(comment)\(post) ينتظر المراجعة" : "\(comment)\(post) is waiting for review"
        case .spam: return isArabic ? "\(comment)\(post) عُدَّ مزعجًا" : "\(comment)\(post) was marked as spam"
        case .approved: return isArabic ? "\(comment)\(post) نُشر\(by)" : "\(comment)\(post) was approved\(by)"
        case .decided:
            let status = facts.status.map(statusName) ?? "?"
            return isArabic ? "\(comment)\(post) صار «\(status)»\(by)" : "\(comment)\(post) is now \(status)\(by)"
        case .erased:
            let how = facts.action == "purge" ? (isArabic ? "حُذف نهائيًا" : "was purged") : (isArabic ? "مُحيت بيانات كاتبه" : "had its author forgotten")
            return "\(comment)\(post) \(how)\(by)"
        case .banned:
            let kind = facts.banKind ?? "?"
            return isArabic ? "حظر جديد (\(kind))\(by)" : "New ban (\(kind))\(by)"
        }
    }

    public func statusName(_ status: String) -> String {
        guard isArabic else { return status }
        switch status {
        case "pending": return "قيد المراجعة"
        case "approved": return "منشور"
        case "spam": return "مزعج"
        case "trash": return "محذوف"
        default: return status
        }
    }

    public func reasonsLine(score: Double?, codes: [String]) -> String {
        let scoreText = score.map { String(format: "%.1f", $0) } ?? "–"
        let list = codes.isEmpty ? "–" : codes.joined(separator: ", ")
        return isArabic ? "الدرجة \(scoreText) · الأسباب: \(list)" : "Score \(scoreText) · reasons: \(list)"
    }

    public func actionLabel(_ action: String) -> String {
        switch (action, isArabic) {
        case ("approve", true): return "نشر"
        case ("spam", true): return "مزعج"
        case ("trash", true): return "حذف"
        case ("ban", true): return "حظر الكاتب"
        case ("approve", false): return "Approve"
        case ("spam", false): return "Spam"
        case ("trash", false): return "Trash"
        case ("ban", false): return "Ban author"
        default: return action
        }
    }
}
