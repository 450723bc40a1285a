import HakamCore

/// The sentences of the comment form and the comment list, in Arabic and English (the
/// validation messages themselves come from `Messages`, so the form and the API say the same).
struct PageText {
    let language: Language

    private func pick(_ english: String, _ arabic: String) -> String {
        language == .arabic ? arabic : english
    }

    var leaveComment: String { pick("Leave a comment", "اترك تعليقاً") }
    var emailNote: String {
        pick("Your email address will not be published. Required fields are marked *",
             "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *")
    }
    var name: String { pick("Name", "الاسم") }
    var email: String { pick("Email", "البريد الإلكتروني") }
    var website: String { pick("Website", "الموقع الإلكتروني") }
    var comment: String { pick("Comment", "التعليق") }
    var consent: String {
        pick("Save my name, email, and website in this browser for the next time I comment.",
             "احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي.")
    }
    var consentNote: String {
        pick("Saved only in this browser, never sent back by the server.", "يُحفظ في هذا المتصفح فقط، ولا يعيده الخادم أبداً.")
    }
    var honeypot: String { pick("Leave this field empty", "اترك هذا الحقل فارغاً") }
    var previousComments: String { pick("Previous comments", "التعليقات السابقة") }
    var nextComments: String { pick("Next comments", "التعليقات التالية") }
    var submit: String { pick("Post Comment", "إرسال التعليق") }
    var sending: String { pick("Sending…", "جارٍ الإرسال…") }
    var awaitingModeration: String { pick("Your comment is awaiting moderation.", "تعليقك بانتظار المراجعة.") }
    var published: String { pick("Your comment is published.", "نُشر تعليقك.") }
    var failed: String { pick("The comment could not be sent. Please try again.", "تعذّر إرسال التعليق. حاول مرة أخرى.") }
    var noComments: String { pick("No comments yet. Be the first to comment.", "لا توجد تعليقات بعد. كن أول من يعلّق.") }
    var reply: String { pick("Reply", "رد") }
    var says: String { pick("says:", "قال:") }

    func commentCount(_ count: Int) -> String {
        switch language {
        case .english: return count == 1 ? "1 comment" : "\(count) comments"
        case .arabic:
            switch count {
            case 0: return "لا تعليقات"
            case 1: return "تعليق واحد"
            case 2: return "تعليقان"
            case 3...10: return "\(count) تعليقات"
            default: return "\(count) تعليقاً"
            }
        }
    }
}
