/// Every sentence Hakam shows a person, in Arabic and English. Kept in one place so the two
/// languages stay in step (a test checks that every message exists in both).
public struct Messages: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private func pick(_ english: String, _ arabic: String) -> String {
        language == .arabic ? arabic : english
    }

    public func fieldName(_ field: CommentField) -> String {
        switch field {
        case .post: pick("Article", "المقال")
        case .parent: pick("Reply-to comment", "التعليق المردود عليه")
        case .name: pick("Name", "الاسم")
        case .email: pick("Email", "البريد الإلكتروني")
        case .url: pick("Website", "الموقع الإلكتروني")
        case .body: pick("Comment", "التعليق")
        }
    }

    public func fieldError(_ error: FieldError, field: CommentField) -> String {
        let name = fieldName(field)
        switch error {
        case .required:
            return pick("\(name) is required.", "حقل «\(name)» مطلوب.")
        case .blank:
            return pick("\(name) cannot be blank.", "لا يمكن أن يكون حقل «\(name)» فارغاً.")
        case .tooLong(let limit):
            return pick("\(name) must be at most \(limit) characters.", "يجب ألا يتجاوز حقل «\(name)» \(limit) حرفاً.")
        case .controlCharacters:
            return pick("\(name) contains characters that are not allowed (control characters).",
                        "يحتوي حقل «\(name)» على رموز غير مسموح بها (رموز تحكم).")
        case .invalidEmail(let reason):
            return pick("Enter a valid email address (\(emailReason(reason, arabic: false))).",
                        "أدخل عنوان بريد إلكتروني صحيحاً (\(emailReason(reason, arabic: true))).")
        case .invalidURL:
            return pick("Website must be a full http:// or https:// address.",
                        "يجب أن يكون الموقع عنواناً كاملاً يبدأ بـ http:// أو https://.")
        case .invalidParent:
            return pick("The comment you reply to must be given by its number.",
                        "يجب تحديد التعليق المردود عليه برقمه.")
        case .parentNotFound:
            return pick("The comment you reply to does not exist on this article or is not published.",
                        "التعليق المردود عليه غير موجود في هذا المقال أو لم يُنشر بعد.")
        case .invalidPost:
            return pick("The article key is not valid.", "معرّف المقال غير صالح.")
        }
    }

    private func emailReason(_ reason: EmailAddressError, arabic: Bool) -> String {
        switch reason.code {
        case "missing_at": arabic ? "ينقصه الرمز @" : "it needs an @"
        case "domain_needs_dot": arabic ? "النطاق يجب أن يحتوي على نقطة، مثل example.com" : "the domain needs a dot, like example.com"
        case "quoted_local_part": arabic ? "لا تُقبل علامات الاقتباس" : "quoted names are not accepted"
        case "ip_literal": arabic ? "لا يُقبل عنوان IP بدل النطاق" : "an IP address instead of a domain is not accepted"
        case "special_use_domain": arabic ? "هذا النطاق محجوز ولا يستقبل بريداً" : "this domain is reserved and receives no mail"
        case "local_part_too_long": arabic ? "الجزء الذي قبل @ أطول من 64 بايت" : "the part before @ is longer than 64 bytes"
        case "too_long": arabic ? "العنوان طويل جداً" : "the address is too long"
        case "display_name": arabic ? "اكتب العنوان وحده دون اسم" : "write the address alone, without a name"
        default: arabic ? "صيغة العنوان غير صحيحة" : "the address is not well formed"
        }
    }

    // MARK: request-level errors

    public var validationFailed: String { pick("Some fields need your attention.", "بعض الحقول تحتاج إلى تصحيح.") }
    public var malformedBody: String { pick("The request body could not be read: it is not valid JSON or form data.", "تعذّرت قراءة الطلب: البيانات ليست بصيغة JSON أو نموذج صحيحة.") }
    public var invalidUTF8: String { pick("The request is not valid UTF-8 text.", "الطلب ليس نصاً صحيحاً بترميز UTF-8.") }
    public func bodyTooLarge(limitKiB: Int) -> String { pick("The request is too large (the limit is \(limitKiB) KiB).", "الطلب كبير جداً (الحد الأقصى \(limitKiB) كيلوبايت).") }
    public var unsupportedMediaType: String { pick("Send the comment as application/json or application/x-www-form-urlencoded.", "أرسل التعليق بصيغة application/json أو application/x-www-form-urlencoded.") }
    public var duplicate: String { pick("Duplicate comment detected; it looks as though you've already said that!", "يبدو أنك أرسلت هذا التعليق من قبل.") }
    public func tooFast(seconds: Int) -> String { pick("You are posting comments too quickly. Try again in \(seconds) seconds.", "أنت ترسل التعليقات بسرعة كبيرة. حاول مرة أخرى بعد \(seconds) ثانية.") }
    public var closed: String { pick("Comments are closed on this article.", "التعليقات مغلقة على هذا المقال.") }
    public var banned: String { pick("You are not allowed to comment.", "غير مسموح لك بالتعليق.") }
    public var storageUnavailable: String { pick("Comments cannot be saved right now. Please try again shortly.", "لا يمكن حفظ التعليقات الآن. يُرجى المحاولة بعد قليل.") }
    public var storageFull: String { pick("Comments cannot be saved right now: the server has run out of storage space. Please try again later.", "لا يمكن حفظ التعليقات الآن: نفدت مساحة التخزين على الخادم. يُرجى المحاولة لاحقاً.") }
    public var requestTimeout: String { pick("The request took too long to arrive and was cut off.", "استغرق وصول الطلب وقتاً طويلاً فقُطع.") }
    public var internalError: String { pick("Something went wrong on our side. Please try again.", "حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.") }
    public var notFound: String { pick("Not found.", "غير موجود.") }
    public var duplicateKey: String { pick("The request body names the same field twice.", "يذكر الطلب الحقل نفسه مرتين.") }
    public func methodNotAllowed(allowed: [String]) -> String {
        pick("This address does not take this method; it takes: \(allowed.joined(separator: ", ")).",
             "هذا العنوان لا يقبل هذه الطريقة؛ الطرق المقبولة: \(allowed.joined(separator: "، ")).")
    }
    public var badQuery: String { pick("The query is not valid: post is required, page and per_page are positive numbers (per_page at most 100).", "الاستعلام غير صالح: المقال مطلوب، والصفحة وعدد العناصر أرقام موجبة (100 على الأكثر).") }
    public var errorTitle: String { pick("Your comment could not be posted", "تعذّر نشر تعليقك") }
    public var back: String { pick("« Back", "→ رجوع") }
}
