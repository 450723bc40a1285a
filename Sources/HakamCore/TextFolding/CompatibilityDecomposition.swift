import Foundation

/// Full compatibility decompositions (Unicode NFKD) of single scalars, read once per process from the
/// platform's Unicode data through Foundation.
///
/// Calling Foundation per character is slow; reading the whole table once, as one batch string with
/// the scalars separated by newlines, makes every later lookup a dictionary probe (and, for the BMP,
/// an array index in `ScalarFoldTable`). Splitting the batch
/// result at the newlines is exact: no decomposition contains U+000A, and canonical reordering never
/// moves a mark across a starter such as U+000A.
enum CompatibilityDecomposition {
    /// The decomposition of `value`, or `nil` when it decomposes to itself.
    static func parts(of value: UInt32) -> [Unicode.Scalar]? {
        table[value]
    }

    /// Scalars whose NFKD differs from themselves.
    private static let table: [UInt32: [Unicode.Scalar]] = build()

    /// The 256-scalar pages (`scalar >> 8`) that hold at least one scalar with a decomposition,
    /// found by decomposing every assigned scalar of U+0080…U+2FFFF (Unicode 15.1) and kept as a
    /// list so start-up reads ~60 pages instead of the whole code space. Hangul syllables
    /// (U+AC00…U+D7A3) are left out on purpose: both sides of a match stay composed.
    static let pages: [UInt32] = [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10,
        0x1B, 0x1D, 0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x2A, 0x2C, 0x2D, 0x2E, 0x2F,
        0x30, 0x31, 0x32, 0x33, 0xA6, 0xA7, 0xAB, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF,
        0x107, 0x110, 0x111, 0x113, 0x114, 0x115, 0x119, 0x1D1, 0x1D4, 0x1D5, 0x1D6, 0x1D7,
        0x1E0, 0x1EE, 0x1F1, 0x1F2, 0x1FB, 0x2F8, 0x2F9, 0x2FA,
    ]

    private static func build() -> [UInt32: [Unicode.Scalar]] {
        var batch = String.UnicodeScalarView()
        var order: [UInt32] = []
        for page in pages {
            // ASCII never decomposes, and skipping it keeps U+000A out of the batch as a payload.
            for value in max(page << 8, 0x80) ..< (page + 1) << 8 {
                guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
                batch.append(scalar)
                batch.append("\n")
                order.append(value)
            }
        }
        let decomposed = String(batch).decomposedStringWithCompatibilityMapping
        var table: [UInt32: [Unicode.Scalar]] = [:]
        var index = 0
        var current: [Unicode.Scalar] = []
        for scalar in decomposed.unicodeScalars {
            guard scalar != "\n" else {
                guard index < order.count else { break }
                let value = order[index]
                if !(current.count == 1 && current[0].value == value) { table[value] = current }
                index += 1
                current.removeAll(keepingCapacity: true)
                continue
            }
            current.append(scalar)
        }
        assert(index == order.count, "NFKD batch split out of step")
        return table
    }
}
