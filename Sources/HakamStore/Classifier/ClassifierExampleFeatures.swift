import Foundation

/// A moderated comment's feature hashes as stored with its lesson: little-endian UInt64s, so
/// undo and a change of mind unteach exactly what was taught.
public enum ClassifierExampleFeatures {
    public static func encode(_ features: [UInt64]) -> Data {
        var data = Data(capacity: features.count * 8)
        for hash in features { withUnsafeBytes(of: hash.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    public static func decode(_ data: Data?) -> [UInt64] {
        guard let data else { return [] }
        var features: [UInt64] = []
        features.reserveCapacity(data.count / 8)
        data.withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count - 7, by: 8) {
                features.append(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            }
        }
        return features
    }
}
