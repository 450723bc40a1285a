import Foundation
import Testing
@testable import HakamCore

/// The pieces the export's byte path writes with, each held to the `String`/`Date` path it
/// replaces.
@Suite("export fast path")
struct ExportFastPathTests {
    @Test func databaseTextBecomesTheAPITimestamp() {
        // Millisecond instants as the database keeps them, before and after 1970, across leap days.
        var milliseconds: Int64 = -62_000_000_000_000
        while milliseconds < 250_000_000_000_000 {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = ISO8601Timestamp.database(date)
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                #expect(ISO8601Timestamp.isDatabaseMilliseconds(bytes), "\(text)")
                var fast: [UInt8] = []
                ISO8601Timestamp.appendDatabaseMilliseconds(bytes, to: &fast)
                let slow = ISO8601Timestamp.parseDatabase(text).map(ISO8601Timestamp.format)
                #expect(String(decoding: fast, as: UTF8.self) == slow)
            }
            milliseconds += 777_777_777_123
        }
    }

    @Test(arguments: [
        "2026-02-29 00:00:00.000",  // not a leap year: Date would make it March 1st
        "2100-02-29 00:00:00.000",
        "2026-04-31 00:00:00.000",
        "2026-01-01 00:00:60.000",  // a leap second, normalised by Date
        "2026-01-01 24:00:00.000",
        "2026-13-01 00:00:00.000",
        "2026-00-10 00:00:00.000",
        "0000-01-01 00:00:00.000",
        "2026-01-01 00:00:00",  // no milliseconds
        "2026-01-01 00:00:00.0000",
        "2026-01-01T00:00:00.000",
        "2026-01-01 00:00:00,000",
        "2026-0a-01 00:00:00.000",
    ])
    func otherTextTakesTheDatePath(_ text: String) {
        Array(text.utf8).withUnsafeBufferPointer { #expect(!ISO8601Timestamp.isDatabaseMilliseconds($0)) }
    }

    @Test func leapDaysOfLeapYearsAreDatabaseText() {
        for text in ["2024-02-29 12:00:00.500", "2000-02-29 00:00:00.000", "1600-02-29 23:59:59.999"] {
            Array(text.utf8).withUnsafeBufferPointer { #expect(ISO8601Timestamp.isDatabaseMilliseconds($0)) }
        }
    }

    /// Random byte strings from the bytes that decide UTF-8 validity, against the standard library.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var valid = 0
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 59)  // 0 to 31: whole words, tails and both
            var bytes: [UInt8] = []
            var bits = state
            for _ in 0..<length {
                bits = bits &* 6_364_136_223_846_793_005 &+ 1
                bytes.append(interesting[Int(bits >> 33) % interesting.count])
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0)
            if expected { valid += 1 }
            bytes.withUnsafeBufferPointer { #expect(UTF8Validation.isWellFormedWithoutNUL($0) == expected, "\(bytes)") }
        }
        #expect(valid > 500)  // the sample reaches both answers
        for text in ["مرحبا", "😀 emoji", "\u{2028}\u{FFFD}\u{10FFFF}", ""] {
            Array(text.utf8).withUnsafeBufferPointer { #expect(UTF8Validation.isWellFormedWithoutNUL($0)) }
        }
    }

    /// The escape scan skips eight bytes at a time; every character that needs an escape, at
    /// every offset of a word, must still be found.
    @Test(arguments: ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "/", "é", "ع", "😀", "\u{2028}"])
    func escapesAtEveryOffsetMatchJSONEncoder(_ special: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for offset in 0..<20 {
            let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset)
            var bytes: [UInt8] = []
            JSONText.appendString(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: try encoder.encode(text), as: UTF8.self), "offset \(offset)")
        }
    }

    @Test(arguments: [Int64(0), 7, 10, 99, 100, -1, -10, 1_234_567_890_123, .max, .min])
    func decimalsMatchString(_ value: Int64) {
        var bytes: [UInt8] = []
        DecimalText.append(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    /// A comment lent as database bytes writes the same JSON as the decoded `PublicComment`
    /// (which `jsonMatchesTheAPIEncoder` holds to `JSONEncoder`).
    @Test(arguments: ExportWriterTests.tricky)
    func bytesFromTheDatabaseWriteTheSameJSON(comment: PublicComment) {
        let stored = ISO8601Timestamp.database(comment.createdAt)
        var fromDatabase: [UInt8] = []
        comment.withBytes { view in
            var view = view
            Array(stored.utf8).withUnsafeBufferPointer { text in
                view.createdAt = .databaseText(text)
                view.appendJSON(to: &fromDatabase)
            }
        }
        var decoded: [UInt8] = []
        comment.appendJSON(to: &decoded)
        #expect(String(decoding: fromDatabase, as: UTF8.self) == String(decoding: decoded, as: UTF8.self))
        // And the writers that format from `PublicComment` get it back whole.
        comment.withBytes { #expect($0.comment == comment) }
    }
}
