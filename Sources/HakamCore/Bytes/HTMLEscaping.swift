/// Escapes text for HTML: the pages, the moderators' email, the WordPress copy of a comment.
public enum HTMLEscaping {
    /// For element content and quoted attribute values.
    public static func escape(_ text: String) -> String { escape(text, quotes: true) }

    /// For element content only: `"` and `'` stay as typed (a WordPress comment body).
    public static func escapeContent(_ text: String) -> String { escape(text, quotes: false) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
