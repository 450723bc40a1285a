/// Text for an XML 1.0 document: escaped character data and CDATA sections. Characters XML 1.0
/// cannot carry at all (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD, so one
/// odd comment cannot make the whole file unreadable.
public enum XMLText {
    public static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": bytes.append(contentsOf: "&amp;".utf8)
            case "<": bytes.append(contentsOf: "&lt;".utf8)
            case ">": bytes.append(contentsOf: "&gt;".utf8)
            case "\"": bytes.append(contentsOf: "&quot;".utf8)
            default: appendScalar(scalar, to: &bytes)
            }
        }
    }

    /// `<![CDATA[…]]>`, with any `]]>` inside split across two sections (`]]]]><![CDATA[>`), as
    /// WordPress's `wxr_cdata()` writes it. Line ends are written as LF (CR LF and a lone CR
    /// alike): the WordPress importer's parsers disagree on a raw CR LF (`WXR_Parser_XML` keeps
    /// it, `WXR_Parser_SimpleXML` and `WXR_Parser_Regex` make it LF), and on `&#13;` the regex
    /// parser shows the markup. With LF all three read the same text.
    public static func appendCDATA(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: "<![CDATA[".utf8)
        var closingBrackets = 0
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            if scalar == ">" && closingBrackets >= 2 {
                bytes.append(contentsOf: "]]><![CDATA[".utf8)
            }
            closingBrackets = scalar == "]" ? closingBrackets + 1 : 0
            appendScalar(scalar == "\r" ? "\n" : scalar, to: &bytes)
        }
        bytes.append(contentsOf: "]]>".utf8)
    }

    private static func appendScalar(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        let allowed = value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
        for unit in UTF8.encode(allowed ? scalar : "\u{FFFD}")! { bytes.append(unit) }
    }
}
