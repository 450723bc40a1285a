/// Non-Latin letters that look like Latin letters, mapped to the lower-case Latin letter they are
/// taken for: the homoglyphs spammers use to dodge word lists ("саsino" with Cyrillic `с` and `а`).
///
/// A hand-written subset of Unicode's UTS #39 confusables, limited to glyphs that are practically
/// identical to an ASCII letter in common fonts. Upper- and lower-case forms are mapped separately
/// because they resemble different letters: Greek `Ν` looks like N but `ν` like v, Cyrillic `Н` like
/// H but `н` like nothing in ASCII. Cyrillic/Greek text as a whole folds to Latin gibberish, which is
/// harmless: it can only match Latin list entries if it spells them.
///
/// Letters with diacritics need no entry: they decompose first (Cyrillic `Ё` → `Е` + ◌̈ → e).
enum ConfusableTable {
    /// The Latin letter `value` is taken for, if it is a listed look-alike.
    static func latin(for value: UInt32) -> Unicode.Scalar? {
        if let latin = table[value] { return latin }
        switch value {
        // 🅐…🆉: negative circled and negative squared capitals (no decomposition, unlike ⓐ and 🄰).
        case 0x1F150 ... 0x1F169: return Unicode.Scalar(0x61 + value - 0x1F150)
        case 0x1F170 ... 0x1F189: return Unicode.Scalar(0x61 + value - 0x1F170)
        default: return nil
        }
    }

    private static let table: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        for (letters, latin) in pairs {
            for scalar in letters.unicodeScalars {
                assert(table[scalar.value] == nil, "duplicate confusable \(scalar)")
                table[scalar.value] = latin
            }
        }
        return table
    }()

    /// Look-alikes grouped by the Latin letter they are taken for.
    private static let pairs: [(String, Unicode.Scalar)] = [
        // Per line: Cyrillic (upper, lower), Greek (upper, lower), Armenian, then Latin small
        // capitals and IPA letters that have no decomposition.
        ("АаΑαɑᴀ", "a"),
        ("ВΒʙ", "b"),
        ("СсϹϲᴄ", "c"),
        ("ԁᴅ", "d"),
        ("ЕеΕεᴇ", "e"),
        ("Ϝꜰ", "f"),
        ("ցɡɢ", "g"),
        ("НҺһΗհʜ", "h"),
        ("ІіӀΙιıɩɪ", "i"),
        ("ЈјͿϳȷᴊ", "j"),
        ("КΚκᴋ", "k"),
        ("ӏǀʟ", "l"),
        ("МΜᴍ", "m"),
        ("Νηոɴ", "n"),
        ("ОоΟοՕօᴏ", "o"),
        ("РрΡρᴘ", "p"),
        ("Ԛԛզꞯ", "q"),
        ("ʀ", "r"),
        ("Ѕѕꜱ", "s"),
        ("ТΤτᴛ", "t"),
        ("υμսՍᴜ", "u"),
        ("Ѵѵνᴠ", "v"),
        ("Ԝԝωᴡ", "w"),
        ("ХхΧχ", "x"),
        ("УуҮүΥγʏ", "y"),
        ("Ζᴢ", "z"),
    ]
}
