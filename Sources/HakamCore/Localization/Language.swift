/// The languages Hakam answers in.
public enum Language: String, Sendable, CaseIterable {
    case arabic = "ar"
    case english = "en"

    public var isRightToLeft: Bool { self == .arabic }

    /// Picks the language from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
    /// language with the highest q-value wins; ties go to the one listed first; English when
    /// nothing matches.
    public static func preferred(acceptLanguage header: String?, default fallback: Language = .english) -> Language {
        guard let header, !header.isEmpty else { return fallback }
        var best: (language: Language, q: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingBlanks() }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            var q = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)) ?? 0
            }
            guard q > 0 else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            let language: Language? = tag == "*" ? fallback : Language(rawValue: primary)
            guard let language else { continue }
            if best == nil || q > best!.q { best = (language, q) }
        }
        return best?.language ?? fallback
    }
}

import Foundation
