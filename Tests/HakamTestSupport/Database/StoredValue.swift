import Foundation
import GRDB

/// A value as SQLite stores it, including the forms Swift strings cannot carry.
public enum StoredValue: Sendable {
    case null
    case text(String)
    /// Bytes stored as TEXT as they are, valid UTF-8 or not, NULs included.
    case textBytes([UInt8])
    case real(Double)

    /// The placeholder for this value in an INSERT.
    var sql: String {
        switch self {
        case .null: "NULL"
        case .text, .real: "?"
        case .textBytes: "CAST(? AS TEXT)"
        }
    }

    var arguments: [(any DatabaseValueConvertible)?] {
        switch self {
        case .null: []
        case .text(let text): [text]
        case .textBytes(let bytes): [Data(bytes)]
        case .real(let number): [number]
        }
    }
}
