import Foundation
@testable import HakamCore
import Testing

/// The byte-level `SubmissionFields.json` against the Foundation `JSONDecoder` implementation it replaced
/// (`FoundationJSONFields`, the oracle): the same fields or the same failure, except for the differences
/// documented in `deliberateDifferences`, where the new parser is stricter.
@Suite("SubmissionFields.json against Foundation")
struct SubmissionFieldsJSONDifferentialTests {
    func both(_ bytes: [UInt8]) -> (new: JSONFieldsOutcome, oracle: JSONFieldsOutcome) {
        (JSONFieldsOutcome(SubmissionFields.json, bytes), JSONFieldsOutcome(FoundationJSONFields.json, bytes))
    }

    /// Where Foundation's `JSONDecoder` was lenient and the new parser is not (issue #7 asked for strict
    /// RFC 8259): Foundation's scanner validates strings and numbers lazily, so a bad one under an ignored key
    /// was ignored; it accepts trailing commas; it detects UTF-16; and it turns a number into an id through
    /// `Double` (then `Decimal`), so some non-integers became ids. Each row: the body, what Foundation gave.
    static let deliberateDifferences: [(body: [UInt8], foundation: JSONFieldsOutcome)] = [
        (Array(#"{"body":"b",}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":[1,]}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":{"a":1,}}"#.utf8), .fields(["body": "b"])),
        (Array("{\"body\":\"b\",\"x\":\"a\u{01}b\"}".utf8), .fields(["body": "b"])),
        (Array("{\"body\":\"b\",\"x\":\"a\tb\"}".utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":"\q"}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":"\uD83D"}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":["\uDE00"]}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":01}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":1.}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":-}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":1.2.3}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b","x":[--1]}"#.utf8), .fields(["body": "b"])),
        (Array(#"{"body":"b"}"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), .fields(["body": "b"])),
        (Array(#"{"body":"b"}"#.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }), .fields(["body": "b"])),
        (Array(#"{"post":1.0000000000000000001}"#.utf8), .fields(["post": "1"])),
        (Array(#"{"post":9007199254740993.5}"#.utf8), .fields(["post": "9007199254740993"])),
    ]

    /// Foundation kept the first of a repeated key; the new parser refuses the body.
    static let duplicateKeys: [(body: [UInt8], foundation: JSONFieldsOutcome)] = [
        (Array(#"{"body":"1","body":"2"}"#.utf8), .fields(["body": "1"])),
        (Array(#"{"post":"a","po\u0073t":"b","body":"c"}"#.utf8), .fields(["post": "a", "body": "c"])),
    ]

    @Test func theDeliberateDifferencesAreWhereTheNewParserIsStricter() {
        for (body, foundation) in Self.deliberateDifferences {
            let (new, oracle) = both(body)
            #expect(new == .failure(.malformed), "\(String(decoding: body, as: UTF8.self).debugDescription)")
            #expect(oracle == foundation, "\(String(decoding: body, as: UTF8.self).debugDescription)")
        }
        for (body, foundation) in Self.duplicateKeys {
            let (new, oracle) = both(body)
            #expect(new == .failure(.duplicateKey), "\(String(decoding: body, as: UTF8.self).debugDescription)")
            #expect(oracle == foundation, "\(String(decoding: body, as: UTF8.self).debugDescription)")
        }
    }

    /// A few thousand generated bodies: valid objects (Arabic, English, emoji, escapes, ids, nesting,
    /// duplicates, whitespace, a BOM) and the same with one to three byte mutations.
    @Test func generatedBodiesDecodeAsFoundationDid() {
        var generator = SplitMix64(seed: 0x7_2026)
        var counts = (acceptedAlike: 0, refusedAlike: 0, invalidUTF8Alike: 0, stricter: 0)
        var mismatches: [String] = []
        for round in 0 ..< 4_000 {
            var body = Self.object(&generator)
            if round % 2 == 1 { Self.mutate(&body, &generator) }
            let (new, oracle) = both(body)
            if new == oracle {
                switch new {
                case .fields: counts.acceptedAlike += 1
                case .failure(.malformed): counts.refusedAlike += 1
                case .failure(.invalidUTF8): counts.invalidUTF8Alike += 1
                case .failure(.duplicateKey): mismatches.append("Foundation never refuses a repeated key")
                }
            } else if case .fields = oracle, new == .failure(.malformed), Self.isDocumentedLeniency(body) {
                counts.stricter += 1
            } else if new == .failure(.duplicateKey), round % 2 == 1 {
                // A mutation that made two keys equal (generated objects have distinct keys).
                counts.stricter += 1
            } else if mismatches.count < 10 {
                mismatches.append("\(String(decoding: body, as: UTF8.self).debugDescription) new: \(new) Foundation: \(oracle)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        // The generator must exercise all three outcomes, and mostly agree rather than excuse.
        #expect(counts.acceptedAlike > 1_200, "\(counts)")
        #expect(counts.refusedAlike > 1_000, "\(counts)")
        #expect(counts.invalidUTF8Alike > 300, "\(counts)")
        #expect(counts.stricter < 100, "\(counts)")
    }

    /// A mutation that Foundation's `JSONDecoder` tolerated and the new parser refuses is one of the
    /// documented leniencies: a trailing comma, or a string or number that a strict parser refuses
    /// (Foundation's `JSONSerialization` validates those eagerly, trailing commas aside).
    static func isDocumentedLeniency(_ body: [UInt8]) -> Bool {
        if hasTrailingComma(body) { return true }
        return (try? JSONSerialization.jsonObject(with: Data(body))) == nil
    }

    static func hasTrailingComma(_ body: [UInt8]) -> Bool {
        var inString = false, escaped = false, afterComma = false
        for byte in body {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true; afterComma = false
            case UInt8(ascii: ","): afterComma = true
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if afterComma { return true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            default: afterComma = false
            }
        }
        return false
    }

    // MARK: Generation

    static let keys = ["post", "parent", "name", "email", "url", "body", "website", "hp", "consent", "x", "تعليق", "😀", #"po\u0073t"#, #"n\u0061me"#]
    static let words = ["مقال", "رائع", "شكراً", "للكاتب", "الأسواق", "أنَّ", "news", "Great", "reporting", "economy", "😀", "👍🏽", "🇸🇦",
                        "https://example.com/a?b=1&c=2", "a@example.com", "", "1", "{", "}", "[", "]", ",", ":"]
    static let escapes = [#"\n"#, #"\""#, #"\\"#, #"\/"#, #"\t"#, #"\r"#, #"\b"#, #"\f"#, #"\u0645"#, #"\u00e9"#, #"\uD83D\uDE00"#, #"\u0000"#, #"\u200F"#]
    static let numbers = ["0", "-0", "7", "42", "-5", "2026", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                          "12.0", "1e3", "1E+2", "150e-1", "1.5", "-0.0", "2.50e1", "0.5", "3e-1", "1e19", "123456789012345678901234567890"]
    static let whitespace = ["", "", "", " ", "\n", "\t", "\r\n", "  "]

    static func object(_ generator: inout SplitMix64) -> [UInt8] {
        var text = ""
        if generator.next() % 12 == 0 { text += "\u{FEFF}" }
        text += pick(whitespace, &generator) + "{"
        let count = Int(generator.next() % 8)
        // Distinct keys once unescaped: a repeated key is refused (a deliberate difference, tested above).
        var used = Set<String>()
        for index in 0 ..< count {
            if index > 0 { text += pick(whitespace, &generator) + "," }
            var key = pick(keys, &generator)
            while used.contains(Self.unescaped(key)) { key = pick(keys, &generator) }
            used.insert(Self.unescaped(key))
            text += pick(whitespace, &generator) + "\"" + key + "\"" + pick(whitespace, &generator) + ":" + pick(whitespace, &generator)
            // Comment fields mostly get what a client sends (strings; numbers for ids), so most bodies are accepted.
            let isField = CommentField(rawValue: key) != nil
            if isField && generator.next() % 4 != 0 {
                text += (key == "post" || key == "parent") && generator.next() % 2 == 0 ? pick(numbers, &generator) : string(&generator)
            } else {
                text += value(&generator, depth: 0)
            }
        }
        text += pick(whitespace, &generator) + "}" + pick(whitespace, &generator)
        return Array(text.utf8)
    }

    static func unescaped(_ key: String) -> String {
        key.replacingOccurrences(of: #"\u0073"#, with: "s").replacingOccurrences(of: #"\u0061"#, with: "a")
    }

    static func value(_ generator: inout SplitMix64, depth: Int) -> String {
        switch generator.next() % (depth < 3 ? 12 : 10) {
        case 0 ..< 5: return string(&generator)
        case 5, 6: return pick(numbers, &generator)
        case 7: return "null"
        case 8: return generator.next() % 2 == 0 ? "true" : "false"
        case 9: return #"{"":"x"}"#
        case 10:
            let items = (0 ..< Int(generator.next() % 4)).map { _ in value(&generator, depth: depth + 1) }
            return "[" + items.joined(separator: "," + pick(whitespace, &generator)) + "]"
        default:
            let members = (0 ..< Int(generator.next() % 4)).map { _ in "\"" + pick(keys, &generator) + "\":" + value(&generator, depth: depth + 1) }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    static func string(_ generator: inout SplitMix64) -> String {
        var text = "\""
        for _ in 0 ..< Int(generator.next() % 6) {
            text += generator.next() % 4 == 0 ? pick(escapes, &generator) : pick(words, &generator) + " "
        }
        return text + "\""
    }

    /// Bytes that break JSON in interesting ways: structure, escapes, digits, invalid UTF-8, control characters.
    static let mutationBytes: [UInt8] = Array(#"{}[]":,\u0-.eE+ nt"#.utf8) + [0x01, 0x1F, 0x80, 0xC3, 0xED, 0xF0, 0xFF, 0x00]

    static func mutate(_ body: inout [UInt8], _ generator: inout SplitMix64) {
        for _ in 0 ... Int(generator.next() % 3) where !body.isEmpty {
            let position = Int(generator.next() % UInt64(body.count))
            var byte = pick(mutationBytes, &generator)
            // A NUL among the first bytes makes Foundation guess UTF-16/32: a documented difference, not a mutation's.
            if byte == 0 && position < 4 { byte = UInt8(ascii: " ") }
            switch generator.next() % 4 {
            case 0: body.remove(at: position)
            case 1: body.insert(byte, at: position)
            case 2: body[position] = byte
            default: body.removeSubrange(position...)
            }
        }
    }

    static func pick<T>(_ items: [T], _ generator: inout SplitMix64) -> T {
        items[Int(generator.next() % UInt64(items.count))]
    }
}
