/// Reads leetspeak as letters: `0→o 1→i 3→e 4→a 5→s 7→t`, `$→s`, `@→a`, `!→i`.
///
/// Only inside *tokens* (runs of word characters and `$ @ !`) that contain at least one Latin letter:
/// "v1agra", "c4sino" and "$pam" are words in disguise, while "2024", "١٢٣", "+966 55 123" and
/// "50%" are numbers, and a number read as letters would stop matching number entries and could
/// spell words by accident. Arabic words never carry leet digits, so an Arabic token is left alone.
/// (Arabizi chat spelling — "7abibi", "3arabi" — does mix digits into Latin words; its 3/7/5 fold
/// like leet on both sides, so list entries written in Arabizi still match themselves.)
///
/// `1` is read as `i`, not `l`: it stands for i in most disguised spam and profanity (v1agra, b1tch,
/// sh1t, 1diot), and folding `l` to `i` everywhere to cover the rest would merge real words
/// ("hell"/"heil", "lick"/"iick"), trading misses for false positives. Lists can add the `l` spelling.
///
/// The symbols are read as letters only where they cannot be punctuation: `$` before a word
/// character ("$pam", "ca$h", but not "US$" or "$100"), `!` and `@` between word characters ("sh!t",
/// "c@sino", but not "spam!" or "@ahmed"), and `@` not in something shaped like an email address
/// ("bob@mail.com" keeps its `@`, so domain entries still match).
enum LeetspeakPass {
    static func apply(to buffer: inout FoldBuffer, classes: ScalarClass) {
        let scalars = buffer.scalars
        let count = buffer.count
        // Look only around leet characters: most text has few or none, and a token is examined once
        // (the scan resumes after it).
        var index = 0
        while index < count {
            guard letter(forLeet: scalars[index]) != nil else { index += 1; continue }
            var start = index
            while start > 0, isTokenScalar(scalars[start - 1], classes) { start -= 1 }
            var end = index + 1
            while end < count, isTokenScalar(scalars[end], classes) { end += 1 }
            if (start ..< end).contains(where: { classes.isLatinLetter(scalars[$0]) }) {
                rewrite(start ..< end, in: scalars, count: count, classes: classes)
            }
            index = end
        }
    }

    private static func rewrite(
        _ token: Range<Int>, in scalars: UnsafeMutableBufferPointer<Unicode.Scalar>, count: Int, classes: ScalarClass
    ) {
        let emailShaped = token.upperBound + 1 < count
            && scalars[token.upperBound] == "."
            && classes.isWord(scalars[token.upperBound + 1])
        for index in token {
            let scalar = scalars[index]
            guard let latin = letter(forLeet: scalar) else { continue }
            let wordBefore = index > token.lowerBound && classes.isWord(scalars[index - 1])
            let wordAfter = index + 1 < token.upperBound && classes.isWord(scalars[index + 1])
            switch scalar {
            case "$" where !wordAfter: continue
            case "!" where !(wordBefore && wordAfter): continue
            case "@" where !(wordBefore && wordAfter) || emailShaped: continue
            default: scalars[index] = latin
            }
        }
    }

    /// The letter a leet character stands for.
    @inline(__always)
    private static func letter(forLeet scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "0": "o"
        case "1", "!": "i"
        case "3": "e"
        case "4", "@": "a"
        case "5", "$": "s"
        case "7": "t"
        default: nil
        }
    }

    @inline(__always)
    private static func isTokenScalar(_ scalar: Unicode.Scalar, _ classes: ScalarClass) -> Bool {
        scalar == "$" || scalar == "@" || scalar == "!" || classes.isWord(scalar)
    }
}
