import HakamCore
import HakamStore

/// The pages of an action link: the confirmation (with the POST button), the result, and the
/// refusals. Every string is escaped; `lang`/`dir` follow the language.
struct ActionLinkPage {
    let language: Language

    var isArabic: Bool { language == .arabic }

    func confirmation(comment: ModeratedComment, link: ActionLinkToken) -> String {
        let text = NotificationText(language: isArabic ? .ar : .en)
        let reasons = comment.reasons.map { "<li><code>\(HTMLEscaping.escape($0.code))</code>\($0.detail.map { " — " + HTMLEscaping.escape($0) } ?? "")</li>" }
            .joined(separator: "\n")
        let title = isArabic ? "تأكيد: \(text.actionLabel(link.action.rawValue))" : "Confirm: \(text.actionLabel(link.action.rawValue))"
        let facts = isArabic
            ? "التعليق \(comment.id) على «\(comment.postKey)» — الحالة: \(text.statusName(comment.status.rawValue)) — الدرجة \(comment.score)"
            : "Comment \(comment.id) on “\(comment.postKey)” — status: \(comment.status.rawValue) — score \(comment.score)"
        let who = isArabic ? "ستُسجَّل باسم: \(link.moderator)" : "Recorded as: \(link.moderator)"
        let button = isArabic ? "نعم، \(text.actionLabel(link.action.rawValue))" : "Yes, \(text.actionLabel(link.action.rawValue).lowercased())"
        let body = """
            <p>\(HTMLEscaping.escape(facts))</p>
            <p>\(HTMLEscaping.escape(isArabic ? "الاسم" : "Name")): <bdi>\(HTMLEscaping.escape(comment.name))</bdi></p>
            <blockquote dir="auto">\(HTMLEscaping.escape(comment.body))</blockquote>
            <ul>\(reasons)</ul>
            <p>\(HTMLEscaping.escape(who))</p>
            <form method="post"><button type="submit" id="confirm">\(HTMLEscaping.escape(button))</button></form>
            """
        return page(title: title, body: body)
    }

    func done(outcome: DecisionOutcome, link: ActionLinkToken) -> String {
        let text = NotificationText(language: isArabic ? .ar : .en)
        let title: String
        if outcome.changed {
            title = isArabic ? "تم: التعليق \(outcome.commentID) صار «\(text.statusName(outcome.to.rawValue))»"
                : "Done: comment \(outcome.commentID) is now \(outcome.to.rawValue)"
        } else {
            title = isArabic ? "لا تغيير: التعليق \(outcome.commentID) «\(text.statusName(outcome.to.rawValue))» من قبل"
                : "No change: comment \(outcome.commentID) was already \(outcome.to.rawValue)"
        }
        // The command stays left to right inside an Arabic sentence.
        let undo = "<code dir=\"ltr\">hakam undo \(outcome.commentID)</code>"
        return page(title: title, body: "<p id=\"result\">\(isArabic ? "للتراجع:" : "To revert:") <bdi>\(undo)</bdi></p>")
    }

    func refusal(_ reason: Refusal) -> String {
        let (ar, en): (String, String) = switch reason {
        case .used: ("استُخدم هذا الرابط من قبل، ولم يتغير شيء.", "This link has already been used. Nothing was changed.")
        case .expired: ("انتهت صلاحية هذا الرابط، ولم يتغير شيء.", "This link has expired. Nothing was changed.")
        case .forged: ("هذا الرابط غير صالح، ولم يتغير شيء.", "This link is not valid. Nothing was changed.")
        case .missing: ("هذا التعليق لم يعد موجودًا.", "This comment no longer exists.")
        case .conflict(let why): ("تعذّر الإجراء: \(why)", "Could not act: \(why)")
        case .unavailable: ("الخدمة غير متاحة الآن، حاول لاحقًا.", "The service is unavailable; try again later.")
        }
        return page(title: isArabic ? ar : en, body: "")
    }

    enum Refusal {
        case used, expired, forged, missing, unavailable
        case conflict(String)
    }

    private func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)" dir="\(language.isRightToLeft ? "rtl" : "ltr")">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
        <title>\(HTMLEscaping.escape(title))</title><link rel="stylesheet" href="/hakam.css"></head>
        <body>
        <main>
        <h1 id="title">\(HTMLEscaping.escape(title))</h1>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
