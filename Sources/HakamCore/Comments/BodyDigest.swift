import Foundation

/// The two fingerprints of a comment's body that duplicate detection compares: shared by the
/// submit path and the importer, so an imported comment is a duplicate of the same text
/// submitted later exactly as a submitted one would be.
public enum BodyDigest {
    /// SHA-256 of the body trimmed of surrounding whitespace.
    public static func exact(_ body: String) -> String {
        SHA256Digest.hex(body.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static let folding = TextFolding()

    /// SHA-256 of the body's matching form with whitespace runs collapsed: a copy with added
    /// diacritics, tatweel, zero-width characters or other spacing is the same comment.
    public static func folded(_ body: String) -> String {
        let folded = folding.fold(body).text
        let words = folded.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation })
        return SHA256Digest.hex(words.joined(separator: " "))
    }
}
