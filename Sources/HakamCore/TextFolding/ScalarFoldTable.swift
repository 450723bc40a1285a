/// `ScalarFoldRules` precomputed for every BMP scalar, so folding a scalar is one array read.
///
/// One `UInt32` per scalar U+0000…U+FFFF (256 KB), tagged in the top byte:
/// - `0x00`: the folded scalar in the low 21 bits (the scalar itself when it is kept),
/// - `0x01`: dropped, attached to the previous letter; `0x02`: dropped, standalone,
/// - `0x03`: an expansion of `count` (bits 16–23) scalars at `offset` (bits 0–15) in `expansions`.
///
/// Scalars above the BMP (emoji, mathematical alphanumerics) are rare in comments and are folded by
/// the rules directly. One table exists per combination of the two options that change per-scalar
/// results, built on first use.
final class ScalarFoldTable: Sendable {
    let rules: ScalarFoldRules
    /// Character classes, held here so the folding passes don't go through a lazy global.
    let classes = ScalarClass()
    /// The most folded scalars any BMP scalar yields per UTF-8 byte of its own ("ﷺ": 18 from 3).
    let maximumExpansionPerByte: Int
    private let entries: [UInt32]
    private let expansions: [Unicode.Scalar]

    private static let tagShift: UInt32 = 24
    private static let singleTag: UInt32 = 0
    private static let attachedTag: UInt32 = 1
    private static let standaloneTag: UInt32 = 2
    private static let expansionTag: UInt32 = 3

    private static let standard = ScalarFoldTable(rules: .init(foldTehMarbuta: true, foldConfusables: true))
    private static let keepTehMarbuta = ScalarFoldTable(rules: .init(foldTehMarbuta: false, foldConfusables: true))
    private static let noConfusables = ScalarFoldTable(rules: .init(foldTehMarbuta: true, foldConfusables: false))
    private static let neither = ScalarFoldTable(rules: .init(foldTehMarbuta: false, foldConfusables: false))

    /// The shared table for these options.
    static func shared(foldTehMarbuta: Bool, foldConfusables: Bool) -> ScalarFoldTable {
        switch (foldTehMarbuta, foldConfusables) {
        case (true, true): standard
        case (false, true): keepTehMarbuta
        case (true, false): noConfusables
        case (false, false): neither
        }
    }

    init(rules: ScalarFoldRules) {
        self.rules = rules
        var entries = [UInt32](repeating: 0, count: 0x10000)
        var expansions: [Unicode.Scalar] = []
        var maximumExpansionPerByte = 1
        for value in 0 ..< UInt32(0x10000) {
            // Big blocks of letters with no case, marks, digits or decompositions keep themselves;
            // skipping their property lookups halves the one-off build time.
            if Self.inertBlocks.contains(where: { $0.contains(value) }) {
                entries[Int(value)] = value
                continue
            }
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates never occur
            switch rules.fold(scalar) {
            case .keep:
                entries[Int(value)] = value
            case .dropAttached:
                entries[Int(value)] = Self.attachedTag << Self.tagShift
            case .dropStandalone:
                entries[Int(value)] = Self.standaloneTag << Self.tagShift
            case .replace(let output) where output.count == 1:
                entries[Int(value)] = output[0].value
            case .replace(let output):
                precondition(output.count < 256 && expansions.count < 0x10000, "expansion table overflow")
                entries[Int(value)] = Self.expansionTag << Self.tagShift
                    | UInt32(output.count) << 16 | UInt32(expansions.count)
                expansions.append(contentsOf: output)
                let bytes = value < 0x80 ? 1 : value < 0x800 ? 2 : 3
                maximumExpansionPerByte = max(maximumExpansionPerByte, (output.count + bytes - 1) / bytes)
            }
        }
        self.entries = entries
        self.expansions = expansions
        self.maximumExpansionPerByte = maximumExpansionPerByte
    }

    /// Folds every scalar of `text` onto the end of `buffer`, numbering original scalars from 0.
    ///
    /// This loop runs for every scalar of every comment, so it decodes UTF-8 itself (Swift strings
    /// are always valid UTF-8) and keeps the output position in a local, writing it back at the end.
    func fold(_ text: String, into buffer: inout FoldBuffer) {
        var text = text  // `withUTF8` needs `var`; a native string is not copied
        text.withUTF8 { utf8 in
            entries.withUnsafeBufferPointer { entries in
                expansions.withUnsafeBufferPointer { expansions in
                    let scalars = buffer.scalars
                    let starts = buffer.originStarts
                    let ends = buffer.originEnds
                    let capacity = scalars.count
                    var count = buffer.count
                    var offset: Int32 = 0
                    var byte = 0
                    var overflowed = false

                    // Appends one folded scalar; a space right after a space widens the first instead.
                    @inline(__always) func emit(_ scalar: Unicode.Scalar) -> Bool {
                        if scalar == " ", count > 0, scalars[count - 1] == " " {
                            if ends[count - 1] == offset { ends[count - 1] = offset &+ 1 }
                            return true
                        }
                        guard count < capacity else { return false }
                        scalars[count] = scalar
                        starts[count] = offset
                        ends[count] = offset &+ 1
                        count &+= 1
                        return true
                    }

                    decoding: while byte < utf8.count {
                        let lead = UInt32(utf8[byte])
                        let value: UInt32
                        if lead < 0x80 {
                            value = lead
                            byte &+= 1
                        } else if lead < 0xE0 {
                            value = (lead & 0x1F) << 6 | UInt32(utf8[byte &+ 1] & 0x3F)
                            byte &+= 2
                        } else if lead < 0xF0 {
                            value = (lead & 0x0F) << 12 | UInt32(utf8[byte &+ 1] & 0x3F) << 6
                                | UInt32(utf8[byte &+ 2] & 0x3F)
                            byte &+= 3
                        } else {
                            value = (lead & 0x07) << 18 | UInt32(utf8[byte &+ 1] & 0x3F) << 12
                                | UInt32(utf8[byte &+ 2] & 0x3F) << 6 | UInt32(utf8[byte &+ 3] & 0x3F)
                            byte &+= 4
                        }
                        defer { offset &+= 1 }
                        guard value < 0x10000 else {
                            buffer.count = count
                            appendSupplementary(unsafeBitCast(value, to: Unicode.Scalar.self), originalOffset: offset, to: &buffer)
                            count = buffer.count
                            if buffer.overflowed { overflowed = true; break decoding }
                            continue
                        }
                        let entry = entries[Int(value)]
                        switch entry >> Self.tagShift {
                        case Self.singleTag:
                            // The table only stores valid scalar values, so the bit cast is safe.
                            guard emit(unsafeBitCast(entry, to: Unicode.Scalar.self)) else { overflowed = true; break decoding }
                        case Self.attachedTag:
                            // Dropped, but part of the letter before: widen that letter's span.
                            if count > 0, ends[count - 1] == offset { ends[count - 1] = offset &+ 1 }
                        case Self.standaloneTag:
                            break
                        default:
                            let start = Int(entry & 0xFFFF)
                            for index in start ..< start + Int((entry >> 16) & 0xFF) {
                                guard emit(expansions[index]) else { overflowed = true; break decoding }
                            }
                        }
                    }
                    if overflowed { buffer.markOverflowed() }
                    buffer.count = count
                }
            }
        }
    }

    /// CJK Unified Ideographs (and Extension A), Yi syllables, Hangul syllables, private use.
    private static let inertBlocks: [ClosedRange<UInt32>] = [
        0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xA000 ... 0xA48F, 0xAC00 ... 0xD7A3, 0xE000 ... 0xF8FF,
    ]

    private func appendSupplementary(_ scalar: Unicode.Scalar, originalOffset: Int32, to buffer: inout FoldBuffer) {
        // Emoji and pictographs are the supplementary scalars comments actually contain; none of them
        // folds, so skip the property lookups.
        if (0x1F300 ... 0x1FAFF).contains(scalar.value) {
            buffer.append(scalar, originalOffset: originalOffset)
            return
        }
        switch rules.fold(scalar) {
        case .keep: emit(scalar, originalOffset: originalOffset, to: &buffer)
        case .dropAttached: buffer.attachDropped(originalOffset: originalOffset)
        case .dropStandalone: break
        case .replace(let output):
            for folded in output { emit(folded, originalOffset: originalOffset, to: &buffer) }
        }
    }

    @inline(__always)
    private func emit(_ scalar: Unicode.Scalar, originalOffset: Int32, to buffer: inout FoldBuffer) {
        // Any run of whitespace reads as one space: "free \n money" matches "free money".
        if scalar == " ", buffer.last == " " {
            buffer.attachDropped(originalOffset: originalOffset)
            return
        }
        buffer.append(scalar, originalOffset: originalOffset)
    }
}
