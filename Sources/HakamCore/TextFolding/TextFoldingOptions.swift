extension TextFolding {
    /// Switches for the folding steps that can cost precision in some sites' languages. Everything
    /// else in DESIGN.md §4 (NFKC-style decomposition, harakat, tatweel, invisible characters, alef
    /// and yeh forms, digits, case) is always on because it never changes which word was meant.
    public struct Options: Sendable, Hashable {
        /// Fold teh marbuta `ة` (and Urdu `ۃ`) to heh `ه`: people write "مدرسه" for "مدرسة".
        public var foldTehMarbuta = true
        /// Map Cyrillic, Greek, Armenian and small-capital look-alikes of Latin letters to Latin
        /// (`ConfusableTable`), so "саsino" with Cyrillic `с` and `а` reads "casino".
        public var foldConfusables = true
        /// Read leetspeak (`0 1 3 4 5 7 @ $ !`) as letters inside tokens that contain a Latin letter.
        public var foldLeetspeak = true
        /// Collapse runs of three or more identical letters to one ("spaaaam" → "spam").
        public var collapseRepeats = true

        public init() {}
    }
}
