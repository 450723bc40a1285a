/// Arabic-script letters that are written interchangeably, folded to one Arabic letter.
///
/// Alef with hamza or madda (أ إ آ), waw with hamza (ؤ → و) and yeh with hamza (ئ → ي) are not listed
/// here: they decompose to the bare letter plus a hamza/madda mark, and the mark is dropped like any
/// haraka. Standalone hamza `ء` is a letter and stays.
enum ArabicLetterFolding {
    static let alef: Unicode.Scalar = "\u{0627}"
    static let yeh: Unicode.Scalar = "\u{064A}"
    static let kaf: Unicode.Scalar = "\u{0643}"
    static let heh: Unicode.Scalar = "\u{0647}"
    static let waw: Unicode.Scalar = "\u{0648}"
    static let tehMarbuta: Unicode.Scalar = "\u{0629}"

    /// The folded letter for `value`, or `nil` when it is not an Arabic-script variant.
    static func folded(_ value: UInt32, foldTehMarbuta: Bool) -> Unicode.Scalar? {
        switch value {
        // ٱ (wasla) and the wavy-hamza alefs ٲ ٳ have no decomposition.
        case 0x0671, 0x0672, 0x0673: alef
        // ى alef maqsura is written for final ي (and the reverse) all the time; ی is the Persian
        // yeh, identical on screen; ۍ ێ ې are Pashto/Kurdish yeh forms.
        case 0x0649, 0x06CC, 0x06CD, 0x06CE, 0x06D0: yeh
        // ک Persian keheh and ڪ swash kaf look like ك; ګ is the Pashto kaf.
        case 0x06A9, 0x06AA, 0x06AB: kaf
        // ہ Urdu heh goal, ھ heh doachashmee, ە Kurdish ae (ۀ and ۂ decompose to these).
        case 0x06C1, 0x06BE, 0x06D5: heh
        // ة and the Urdu ۃ: "مدرسه" is a common spelling of "مدرسة".
        case 0x0629, 0x06C3: foldTehMarbuta ? heh : tehMarbuta
        // Kurdish/Uyghur waw forms: ۄ ۅ ۆ ۇ ۈ ۉ ۋ ۏ.
        case 0x06C4 ... 0x06C9, 0x06CB, 0x06CF: waw
        // Letters with extra dots for foreign sounds (Persian and Maghrebi spellings of loanwords),
        // e.g. "ڤيديو" / "فيديو": پ → ب, چ → ج, ژ → ز, گ → ك, ڤ ڥ → ف, ڨ → ق.
        case 0x067E: "\u{0628}"
        case 0x0686: "\u{062C}"
        case 0x0698: "\u{0632}"
        case 0x06AF: kaf
        case 0x06A4, 0x06A5: "\u{0641}"
        case 0x06A8: "\u{0642}"
        default: nil
        }
    }
}
