/// How a word-list entry has to sit in the text to match (compared in matching form, see
/// `TextFolding`).
public enum MatchMode: String, Sendable, Codable, CaseIterable {
    /// A whole word (the default). The entry must start at a word boundary or right after an Arabic
    /// clitic prefix (و ف ب ل ك ال and their combinations, e.g. "والكلب" for "كلب"), and end at a word
    /// boundary or right before a common suffix (Arabic pronoun/plural endings such as ها هم ات ين,
    /// English s es ed ing er ers; entries of three or more letters only). "ass" does not match
    /// "class" or "assassin".
    case word
    /// Anywhere, even inside a longer word (what WordPress does). For entries that are never part
    /// of an innocent word, e.g. domains and long spam phrases.
    case substring
    /// The start of a word (clitics allowed), with any ending: `casino*` matches "casinos" and
    /// "casinoonline".
    case prefix
}
