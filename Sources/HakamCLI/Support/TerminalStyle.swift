/// ANSI SGR colours, or plain text when disabled. Styling is applied after padding, so escape
/// codes never count towards column widths.
struct TerminalStyle: Sendable {
    var enabled: Bool

    enum Color: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    func apply(_ text: String, _ color: Color?) -> String {
        guard enabled, let color, !text.isEmpty else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }

    func bold(_ text: String) -> String { apply(text, .bold) }
    func dim(_ text: String) -> String { apply(text, .dim) }
}
