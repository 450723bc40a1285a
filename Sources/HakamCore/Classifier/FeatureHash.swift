/// 64-bit FNV-1a over a feature's kind and scalars. Features are stored and counted by this
/// hash, never by their text: the model needs no strings, and the table holds no words that a
/// reader typed (collisions among 2^64 values are negligible at millions of features).
struct FeatureHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(kind: FeatureKind) {
        mix(kind.rawValue)
    }

    mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func mix(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            mix(UInt8(v))
        } else {
            // All four bytes for non-ASCII: cheaper than UTF-8 encoding and equally unique.
            mix(UInt8(truncatingIfNeeded: v >> 24)); mix(UInt8(truncatingIfNeeded: v >> 16))
            mix(UInt8(truncatingIfNeeded: v >> 8)); mix(UInt8(truncatingIfNeeded: v))
        }
    }

    mutating func mix(_ text: String) {
        for scalar in text.unicodeScalars { mix(scalar) }
    }
}

/// What a feature is, the first byte of its hash (so `w:free` and a domain `free` differ).
enum FeatureKind: UInt8, Sendable {
    case word = 0x57         // W
    case bigram = 0x42       // B
    case charGram = 0x43     // C
    case textGram = 0x54     // T
    case domain = 0x44       // D
    case linkCount = 0x4C    // L
    case nameShape = 0x4E    // N
    case website = 0x55      // U
    case lexicon = 0x58      // X: a word list of the policy matched

    var label: String {
        switch self {
        case .word: "word"
        case .bigram: "words"
        case .charGram: "chars"
        case .textGram: "text"
        case .domain: "domain"
        case .linkCount: "links"
        case .nameShape: "name"
        case .website: "website"
        case .lexicon: "lexicon"
        }
    }
}
