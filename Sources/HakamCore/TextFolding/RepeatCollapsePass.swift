/// Collapses runs of three or more identical letters to a single letter: "spaaaam" → "spam",
/// "هههههه" → "ه", "كلبببب" → "كلب".
///
/// One, not two, because stretched words are mostly words with single letters (spam, fuck, كلب,
/// حلو), and a run of two is left alone because real words have double letters ("cool", "الله",
/// "ممنوع"). That choice alone would miss stretched double-letter words ("coooool" folds to "col"),
/// so each collapsed letter is flagged, and `WordMatcher` lets a list entry's double letter match a
/// flagged single letter — "coooool" matches "cool" while the innocent "col" does not.
///
/// Only letters collapse: digit runs are numbers ("1000"), and punctuation runs don't matter to
/// word matching. The surviving letter maps back to the whole run in the original text.
enum RepeatCollapsePass {
    static func apply(to buffer: inout FoldBuffer, classes: ScalarClass) {
        guard let firstRun = firstRun(in: buffer, classes: classes) else { return }
        let scalars = buffer.scalars
        let starts = buffer.originStarts
        let ends = buffer.originEnds
        let count = buffer.count
        // Compact in place: `write` never passes `read`, and everything before the first run stays.
        var flags = [Bool](repeating: false, count: firstRun)
        flags.reserveCapacity(count)
        var read = firstRun
        var write = firstRun
        while read < count {
            var end = read + 1
            while end < count, scalars[end] == scalars[read] { end += 1 }
            if end - read >= 3, classes.isLetter(scalars[read]) {
                scalars[write] = scalars[read]
                starts[write] = starts[read]
                ends[write] = ends[end - 1]
                flags.append(true)
                write += 1
            } else {
                for copy in read ..< end {
                    scalars[write] = scalars[copy]
                    starts[write] = starts[copy]
                    ends[write] = ends[copy]
                    flags.append(false)
                    write += 1
                }
            }
            read = end
        }
        buffer.count = write
        buffer.collapsedRuns = flags
    }

    /// Where the first run of three identical letters starts, if there is one.
    private static func firstRun(in buffer: FoldBuffer, classes: ScalarClass) -> Int? {
        let scalars = buffer.scalars
        var index = 2
        while index < buffer.count {
            if scalars[index] == scalars[index - 1], scalars[index] == scalars[index - 2],
               classes.isLetter(scalars[index]) {
                return index - 2
            }
            index += 1
        }
        return nil
    }
}
