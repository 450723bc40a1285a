/// One word-list entry: the text as the list wrote it, how it must match, and which list it is from.
public struct WordPattern: Sendable, Hashable {
    /// The entry as written in the list (without the list syntax's `*` markers); folded by
    /// `WordMatcher` with the same `TextFolding` as the text it is matched against.
    public let text: String
    public let mode: MatchMode
    /// The list the entry came from, so a match can be traced to the list's action and weight.
    public let listID: Int
    /// An innocent word that contains entries of its list (`!فخرا`, pride, holds `خرا`): never
    /// reported itself, and no entry of the same list is reported inside one of its matches.
    public let isException: Bool

    public init(text: String, mode: MatchMode = .word, listID: Int = 0, isException: Bool = false) {
        self.text = text
        self.mode = mode
        self.listID = listID
        self.isException = isException
    }
}
