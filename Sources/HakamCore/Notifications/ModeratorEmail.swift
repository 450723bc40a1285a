import Foundation

/// A notification email to moderators: multipart plain text + HTML, UTF-8, RTL-correct in
/// Arabic, ready for `sendmail -t -i` on stdin. One event, or a digest of several.
public struct ModeratorEmail: Sendable {
    public var to: [String]
    public var from: String?
    public var language: NotificationLanguage
    public var items: [NotificationFacts]

    public init(to: [String], from: String?, language: NotificationLanguage, items: [NotificationFacts]) {
        self.to = to
        self.from = from
        self.language = language
        self.items = items
    }

    var text: NotificationText { NotificationText(language: language) }

    public var subject: String {
        if items.count == 1 { return "[Hakam] " + text.summary(items[0]) }
        return language == .ar ? "[Hakam] \(items.count) تنبيهات جديدة" : "[Hakam] \(items.count) new notifications"
    }

    public var plainText: String {
        var lines: [String] = []
        for facts in items {
            lines.append(text.summary(facts))
            if let excerpt = facts.excerpt { lines.append("") ; lines.append("  " + excerpt) }
            if let name = facts.authorName { lines.append((language == .ar ? "الاسم: " : "Name: ") + name) }
            if facts.score != nil || !facts.reasons.isEmpty { lines.append(text.reasonsLine(score: facts.score, codes: facts.reasons.map(\.code))) }
            for link in facts.actionLinks { lines.append("\(text.actionLabel(link.action)): \(link.url)") }
            lines.append("")
            lines.append("— — —")
            lines.append("")
        }
        lines.append(language == .ar ? "أرسله حَكَم. الروابط تعمل مرة واحدة وتنتهي صلاحيتها." : "Sent by Hakam. Links work once and expire.")
        return lines.joined(separator: "\n") + "\n"
    }

    public var html: String {
        let rtl = language == .ar
        var out = """
            <!DOCTYPE html>
            <html lang="\(rtl ? "ar" : "en")" dir="\(rtl ? "rtl" : "ltr")">
            <head><meta charset="utf-8"><title>\(HTMLEscaping.escape(subject))</title></head>
            <body dir="\(rtl ? "rtl" : "ltr")" style="font-family: sans-serif; text-align: \(rtl ? "right" : "left")">

            """
        for facts in items {
            out += "<div style=\"border-bottom: 1px solid #ccc; padding: 8px 0\">\n"
            out += "<p><strong>\(HTMLEscaping.escape(text.summary(facts)))</strong></p>\n"
            if let excerpt = facts.excerpt {
                // The comment's own direction: an English comment in an Arabic email stays LTR.
                out += "<blockquote dir=\"auto\">\(HTMLEscaping.escape(excerpt))</blockquote>\n"
            }
            if let name = facts.authorName {
                out += "<p>\(rtl ? "الاسم" : "Name"): <bdi>\(HTMLEscaping.escape(name))</bdi></p>\n"
            }
            if facts.score != nil || !facts.reasons.isEmpty {
                out += "<p><small>\(HTMLEscaping.escape(text.reasonsLine(score: facts.score, codes: facts.reasons.map(\.code))))</small></p>\n"
            }
            if !facts.actionLinks.isEmpty {
                out += "<p>" + facts.actionLinks.map { "<a href=\"\(HTMLEscaping.escape($0.url))\">\(HTMLEscaping.escape(text.actionLabel($0.action)))</a>" }
                    .joined(separator: " · ") + "</p>\n"
            }
            out += "</div>\n"
        }
        out += "<p><small>\(rtl ? "أرسله حَكَم. الروابط تعمل مرة واحدة وتنتهي صلاحيتها." : "Sent by Hakam. Links work once and expire.")</small></p>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// The whole message (RFC 5322 headers, CRLF line ends); `boundary` and `date` are given
    /// so tests can compare output.
    public func rendered(date: Date, boundary: String) -> String {
        var headers: [String] = []
        if let from { headers.append("From: \(from)") }
        headers.append("To: " + to.joined(separator: ", "))
        headers.append("Subject: " + Self.encodedWord(subject))
        headers.append("Date: " + Self.rfc5322Date(date))
        if let first = items.first { headers.append("Message-ID: <\(first.eventID).\(items.count)@hakam>") }
        headers.append("MIME-Version: 1.0")
        headers.append("Auto-Submitted: auto-generated")
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        var lines = headers
        lines.append("")
        for (type, content) in [("text/plain", plainText), ("text/html", html)] {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=UTF-8")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines += Self.base64Lines(Array(content.utf8))
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func base64Lines(_ bytes: [UInt8]) -> [String] {
        let encoded = Data(bytes).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    /// RFC 2047 encoded words (base64), split on character boundaries so none exceeds 75 bytes.
    static func encodedWord(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII || $0.value < 32 }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[parts.weekday! - 1]), \(two(parts.day!)) \(months[parts.month! - 1]) \(parts.year!) "
            + "\(two(parts.hour!)):\(two(parts.minute!)):\(two(parts.second!)) +0000"
    }
}
