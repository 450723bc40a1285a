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
    public static func folded(_ body: String) -> String {
        // Words joined by single spaces, built scalar by scalar (splitting `Character`s cost
        // a few percent of a submission).
        var bytes: [UInt8] = []
        var pendingSpace = false
        for scalar in folding.fold(body).text.unicodeScalars {
            if scalar.properties.isWhitespace || isPunctuation(scalar) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        return HexEncoding.encode(SHA256Digest.hash(bytes))
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }
}
