import HakamCore

/// The comment form as an HTML fragment. It posts WordPress's field names to
/// `/wp-comments-post.php`, so it works without JavaScript; `/embed.js` takes it over when
/// scripts run (`data-hakam-form`). Every field has a `<label for>`, a described-by note or
/// error slot, and `aria-invalid` that the script sets.
struct CommentFormView {
    let language: Language
    let post: String
    /// The signed timing token (`FormTimingToken`), or nil when the policy turned the check off.
    let timingToken: String?
    let timingField: String
    let honeypotField: String
    /// Where the no-JavaScript flow returns to (a same-site path); nil: the Referer's page.
    let redirectTo: String?

    func render() -> String {
        let text = PageText(language: language)
        let e = HTMLEscaping.escape
        let direction = language.isRightToLeft ? "rtl" : "ltr"
        var hidden = "<input type=\"hidden\" name=\"comment_post_ID\" value=\"\(e(post))\">\n"
        hidden += "<input type=\"hidden\" name=\"comment_parent\" id=\"hakam-comment-parent\" value=\"0\">\n"
        if let redirectTo { hidden += "<input type=\"hidden\" name=\"redirect_to\" value=\"\(e(redirectTo))\">\n" }
        if let timingToken { hidden += "<input type=\"hidden\" name=\"\(e(timingField))\" value=\"\(e(timingToken))\">\n" }
        return """
        <div class="hakam-respond" id="respond" lang="\(language.rawValue)" dir="\(direction)">
        <h3 class="hakam-reply-title" id="reply-title">\(e(text.leaveComment))</h3>
        <form class="hakam-form" id="commentform" method="post" action="/wp-comments-post.php" novalidate data-hakam-form data-post="\(e(post))" data-lang="\(language.rawValue)" data-timing-field="\(e(timingField))" data-honeypot-field="\(e(honeypotField))" data-msg-pending="\(e(text.awaitingModeration))" data-msg-published="\(e(text.published))" data-msg-failed="\(e(text.failed))" data-msg-says="\(e(text.says))">
        <p class="hakam-notes" id="hakam-email-notes">\(e(text.emailNote))</p>
        <div class="hakam-status" id="hakam-form-status" role="alert" aria-live="assertive"></div>
        \(field(id: "author", label: text.name, type: "text", required: true, autocomplete: "name", maxLength: 245))
        \(field(id: "email", label: text.email, type: "email", required: true, autocomplete: "email", maxLength: 254, note: "hakam-email-notes"))
        \(field(id: "url", label: text.website, type: "url", required: false, autocomplete: "url", maxLength: 200))
        <p class="hakam-field hakam-field-comment">
        <label for="hakam-comment">\(e(text.comment)) <span class="required" aria-hidden="true">*</span></label>
        <textarea id="hakam-comment" name="comment" rows="6" maxlength="20000" required aria-required="true" aria-invalid="false" aria-describedby="hakam-comment-error"></textarea>
        <span class="hakam-error" id="hakam-comment-error"></span>
        </p>
        <p class="hakam-field hakam-field-consent">
        <input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" aria-describedby="hakam-consent-note">
        <label for="wp-comment-cookies-consent">\(e(text.consent))</label>
        <span class="hakam-hint" id="hakam-consent-note">\(e(text.consentNote))</span>
        </p>
        <p class="hakam-hp" aria-hidden="true">
        <label for="hakam-hp-field">\(e(text.honeypot))</label>
        <input id="hakam-hp-field" name="\(e(honeypotField))" type="text" value="" tabindex="-1" autocomplete="off">
        </p>
        \(hidden)<p class="hakam-submit"><button type="submit" id="hakam-submit" data-sending="\(e(text.sending))">\(e(text.submit))</button></p>
        </form>
        </div>
        """
    }

    /// One labelled input with its error slot. WordPress's field names (`author`, `email`, `url`).
    private func field(id: String, label: String, type: String, required: Bool, autocomplete: String, maxLength: Int, note: String? = nil) -> String {
        let e = HTMLEscaping.escape
        let describedBy = ([note, "hakam-\(id)-error"].compactMap { $0 }).joined(separator: " ")
        let star = required ? " <span class=\"required\" aria-hidden=\"true\">*</span>" : ""
        let requiredAttributes = required ? " required aria-required=\"true\"" : ""
        let direction = type == "text" ? "" : " dir=\"ltr\""
        return """
        <p class="hakam-field hakam-field-\(id)">
        <label for="hakam-\(id)">\(e(label))\(star)</label>
        <input id="hakam-\(id)" name="\(id)" type="\(type)"\(direction) maxlength="\(maxLength)" autocomplete="\(autocomplete)"\(requiredAttributes) aria-invalid="false" aria-describedby="\(describedBy)">
        <span class="hakam-error" id="hakam-\(id)-error"></span>
        </p>
        """
    }
}
