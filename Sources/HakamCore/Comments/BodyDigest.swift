import Foundation

/// The two fingerprints of a comment's body that duplicate detection compares: shared by the
/// submit path and the importer, so an imported comment is a duplicate of the same text
/// submitted later exactly as a submitted one would be.
public enum BodyDigest {
    /// SHA-256 of the body trimmed of surrounding whitespace.
    public static func exact(_ body: String) -> String {
        SHA256Digest.hex(body.trimmingWhitespace())
    }

    private static let folding = TextFolding()

    /// SHA-256 of the body's matching form with whitespace runs collapsed: a copy with added
    /// diacritics, tatweel, zero-width characters or other spacing is the same comment.
    /// `reusing`: the body already folded (a submission's one fold), used when it matches.
    public static func folded(_ body: String, reusing foldedBody: FoldedText? = nil) -> String {
        // Words joined by single spaces, built scalar by scalar (splitting `Character`s is
        // slower).
        var bytes: [UInt8] = []
        var pendingSpace = false
        for scalar in folding.fold(body, reusing: foldedBody).scalars {
            if isSeparator(scalar) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        return HexEncoding.encode(SHA256Digest.hash(bytes))
    }

    /// Whitespace or punctuation: the word separators of the digest.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < UInt32(separatorTable.count) { return separatorTable[Int(scalar.value)] }
        return scalar.properties.isWhitespace || isPunctuation(scalar)
    }

    /// The separator test precomputed for Latin and Arabic text (U+0000–U+06FF) from the same
    /// Unicode properties, which are slow to look up for every scalar.
    private static let separatorTable: [Bool] = (0..<0x700).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
        return scalar.properties.isWhitespace || isPunctuation(scalar)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }
}
