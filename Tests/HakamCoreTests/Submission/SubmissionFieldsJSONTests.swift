@testable import HakamCore
import Testing

/// `SubmissionFields.json` (the `POST /comments` JSON body) on the byte-level `FlatJSONObjectParser`:
/// one rule per test, RFC 8259 syntax, and what the submit API keeps.
@Suite("SubmissionFields.json")
struct SubmissionFieldsJSONTests {
    func decode(_ text: String) -> JSONFieldsOutcome { JSONFieldsOutcome(SubmissionFields.json, Array(text.utf8)) }
    func decode(bytes: [UInt8]) -> JSONFieldsOutcome { JSONFieldsOutcome(SubmissionFields.json, bytes) }

    @Test func aSubmissionKeepsItsStringsVerbatim() {
        let body = #"{"post": "first-article", "name": "أحمد", "email": "ahmad@example.com", "url": "https://example.com/a?b=1", "body": "مقال رائع 👍🏽 great"}"#
        #expect(decode(body) == .fields([
            "post": "first-article", "name": "أحمد", "email": "ahmad@example.com", "url": "https://example.com/a?b=1",
            "body": "مقال رائع 👍🏽 great",
        ]))
    }

    @Test func everyEscapeDecodes() {
        #expect(decode(#"{"body":"\"\\\/\b\f\n\r\t"}"#) == .fields(["body": "\"\\/\u{08}\u{0C}\n\r\t"]))
        #expect(decode(#"{"body":"\u0645\u0631\u062D\u0628\u0627 caf\u00e9 \u00E9"}"#) == .fields(["body": "مرحبا café é"]))
        #expect(decode(#"{"body":"a\u0000b"}"#) == .fields(["body": "a\u{0}b"]))
        #expect(decode(#"{"po\u0073t":"k"}"#) == .fields(["post": "k"]), "escapes in keys decode too")
    }

    @Test func surrogatePairsDecodeToOneScalar() {
        #expect(decode(#"{"body":"\uD83D\uDE00 \ud83c\udf19"}"#) == .fields(["body": "😀 🌙"]))
    }

    @Test(arguments: [
        #"{"x":"\uD83D"}"#, #"{"x":"\uDE00"}"#, #"{"x":"\uDE00\uD83D"}"#, #"{"x":"\uD83Dx"}"#, #"{"x":"\uD83D\u0041"}"#,
        #"{"x":"\uD83D\uD83D"}"#, #"{"x":"\uD83D\"}"#, #"{"\uD800":"a"}"#,
    ])
    func loneOrMisorderedSurrogatesAreMalformed(text: String) {
        #expect(decode(text) == .failure(.malformed))
    }

    @Test(arguments: [#"{"x":"\x"}"#, #"{"x":"\'"}"#, #"{"x":"\u12"}"#, #"{"x":"\u12G4"}"#, #"{"x":"\U0041"}"#, #"{"x":"\"#, #"{"x":"a"#])
    func badEscapesAndUnterminatedStringsAreMalformed(text: String) {
        #expect(decode(text) == .failure(.malformed))
    }

    @Test(arguments: [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F] as [UInt8])
    func unescapedControlCharactersInStringsAreMalformed(byte: UInt8) {
        #expect(decode(bytes: Array(#"{"x":"a"#.utf8) + [byte] + Array(#"b"}"#.utf8)) == .failure(.malformed))
        #expect(decode(bytes: Array(#"{"a"#.utf8) + [byte] + Array(#"":"b"}"#.utf8)) == .failure(.malformed), "in a key")
    }

    /// The string scan reads eight bytes at a time: each special byte is found at every offset in and across words.
    @Test func specialBytesAreFoundAtEveryOffsetOfAString() {
        for offset in 0 ..< 24 {
            let before = String(repeating: "a", count: offset), after = String(repeating: "b", count: 23 - offset)
            func body(_ middle: [UInt8]) -> [UInt8] { Array(#"{"body":""#.utf8) + Array(before.utf8) + middle + Array(after.utf8) + Array(#""}"#.utf8) }
            #expect(decode(bytes: body([])) == .fields(["body": before + after]))
            #expect(decode(bytes: body(Array("é".utf8))) == .fields(["body": before + "é" + after]), "offset \(offset)")
            #expect(decode(bytes: body(Array(#"\""#.utf8))) == .fields(["body": before + "\"" + after]), "offset \(offset)")
            #expect(decode(bytes: body(Array(#"\u0645"#.utf8))) == .fields(["body": before + "م" + after]), "offset \(offset)")
            #expect(decode(bytes: body([0x1F])) == .failure(.malformed), "offset \(offset)")
            #expect(decode(bytes: body([0xFF])) == .failure(.invalidUTF8), "offset \(offset)")
            #expect(decode(bytes: body([0xD8])) == .failure(.invalidUTF8), "offset \(offset)")
        }
    }

    @Test func deleIsNotAControlCharacterInJSON() {
        #expect(decode("{\"body\":\"a\u{7F}b\"}") == .fields(["body": "a\u{7F}b"]))
    }

    @Test func nestedValuesOfUnknownKeysAreSkippedWholeAndIgnored() {
        let text = #"{"meta":{"a":[1,-2.5e3,{"b":"]}\",{"},[],{}],"c":null,"d":true,"e":false},"list":[[[]]],"body":"نص"}"#
        #expect(decode(text) == .fields(["body": "نص"]))
    }

    @Test(arguments: [#"{"post":[1]}"#, #"{"name":{}}"#, #"{"body":["a"]}"#, #"{"parent":{"id":1}}"#])
    func nestedValuesOfCommentFieldsAreMalformed(text: String) {
        #expect(decode(text) == .failure(.malformed))
    }

    @Test(arguments: [#"{"x":[1,]}"#, #"{"x":[,1]}"#, #"{"x":[1 2]}"#, #"{"x":{"a":1,}}"#, #"{"x":{"a" 1}}"#, #"{"x":{1:2}}"#,
                      #"{"x":[1}"#, #"{"x":{"a":1]}"#, #"{"x":[1]]}"#, #"{"x":[1"#, #"{"x":{"a":}}"#, #"{"x":[tru]}"#])
    func syntaxErrorsInsideSkippedValuesAreMalformed(text: String) {
        #expect(decode(text) == .failure(.malformed))
    }

    /// 512 levels counting the top-level object, as Foundation's `JSONDecoder`; the parser keeps its own
    /// stack, so 100,000 levels are a quick `malformed`, not a crash.
    @Test func nestingDeeperThan512LevelsIsMalformed() {
        func nested(_ depth: Int, open: String, close: String) -> String {
            #"{"x":"# + String(repeating: open, count: depth - 1) + String(repeating: close, count: depth - 1) + #","body":"b"}"#
        }
        #expect(decode(nested(512, open: "[", close: "]")) == .fields(["body": "b"]))
        #expect(decode(nested(513, open: "[", close: "]")) == .failure(.malformed))
        #expect(decode(nested(512, open: #"{"a":"#, close: "}").replacingOccurrences(of: #"{"a":}"#, with: "{}")) == .fields(["body": "b"]))
        #expect(decode(nested(513, open: #"{"a":"#, close: "}").replacingOccurrences(of: #"{"a":}"#, with: "{}")) == .failure(.malformed))
        #expect(decode(#"{"x":"# + String(repeating: "[", count: 100_000)) == .failure(.malformed))
        #expect(decode(#"{"x":"# + String(repeating: #"{"a":["#, count: 50_000)) == .failure(.malformed))
    }

    @Test(arguments: [
        ("12", "12"), ("-0", "0"), ("0", "0"), ("-5", "-5"), ("12.0", "12"), ("1e3", "1000"), ("1E+2", "100"), ("150e-1", "15"),
        ("0.0e0", "0"), ("-0.0", "0"), ("100e-2", "1"), ("0e999999999999999", "0"), ("1.50e1", "15"),
        ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
        ("922337203685477580.7e1", "9223372036854775807"), ("9007199254740993.0", "9007199254740993"),
    ])
    func numbersThatAreExactIntegersAreIDs(number: String, id: String) {
        #expect(decode(#"{"post":\#(number),"parent":\#(number)}"#) == .fields(["post": id, "parent": id]))
    }

    @Test(arguments: ["1.5", "9223372036854775808", "-9223372036854775809", "1e19", "1e400", "1e-400", "0.1",
                      "1.0000000000000000001", "123456789012345678901234567890", "1e999999999999999999999"])
    func numbersThatAreNotExactInt64sAreMalformedIDsAndIgnoredElsewhere(number: String) {
        #expect(decode(#"{"post":\#(number)}"#) == .failure(.malformed))
        #expect(decode(#"{"x":\#(number),"post":"p"}"#) == .fields(["post": "p"]))
    }

    @Test(arguments: ["01", "-01", "00", "-", "1.", "1e", "1e+", ".5", "+1", "1.2.3", "--1", "1-2", "0x10", "1ee1", "-.1", "NaN", "Infinity", "-Infinity"])
    func numbersOutsideTheGrammarAreMalformed(number: String) {
        #expect(decode(#"{"x":\#(number)}"#) == .failure(.malformed))
        #expect(decode(#"{"post":\#(number)}"#) == .failure(.malformed))
    }

    @Test func integersAreIDsOnlyForPostAndParent() {
        #expect(decode(#"{"name":1}"#) == .failure(.malformed))
        #expect(decode(#"{"body":12}"#) == .failure(.malformed))
        #expect(decode(#"{"x":12,"name":"n"}"#) == .fields(["name": "n"]))
    }

    @Test func nullIsSkippedForEveryKey() {
        #expect(decode(#"{"post":null,"parent":null,"name":null,"x":null,"body":"b"}"#) == .fields(["body": "b"]))
    }

    @Test func booleansAreIgnoredForUnknownKeysAndMalformedForCommentFields() {
        #expect(decode(#"{"consent":true,"hp":false,"body":"b"}"#) == .fields(["body": "b"]))
        #expect(decode(#"{"body":true}"#) == .failure(.malformed))
        #expect(decode(#"{"post":false}"#) == .failure(.malformed))
        #expect(decode(#"{"x":True}"#) == .failure(.malformed))
        #expect(decode(#"{"x":nul}"#) == .failure(.malformed))
    }

    @Test func theFourJSONWhitespacesAreAllowedBetweenTokens() {
        #expect(decode(" \t\r\n{ \t\r\n\"body\" \t\r\n: \t\r\n\"b\" \t\r\n, \"x\" : [ 1 , { \"a\" : 2 } ] } \t\r\n") == .fields(["body": "b"]))
    }

    @Test(arguments: ["\u{0C}{}", "{\u{0B}}", "{\u{A0}}", "{}\u{0}", "\u{3000}{}"])
    func otherWhitespaceIsMalformed(text: String) {
        #expect(decode(text) == .failure(.malformed))
    }

    @Test func anEmptyObjectHasNoFields() {
        #expect(decode("{}") == .fields([:]))
        #expect(decode(" { } ") == .fields([:]))
    }

    @Test(arguments: ["", "   ", "[]", #"["a"]"#, #""x""#, "1", "null", "true", "{", "}", #"{"a"}"#, #"{"a":}"#, #"{"a""b"}"#])
    func anythingButOneObjectIsMalformed(text: String) {
        #expect(decode(text) == .failure(.malformed))
    }

    @Test(arguments: ["{} x", "{}{}", "{},", #"{"a":"b"} // c"#, #"{"a":"b"/*c*/}"#, "{}]", #"{"a":1}}"#])
    func trailingDataAndCommentsAreMalformed(text: String) {
        #expect(decode(text) == .failure(.malformed))
    }

    @Test(arguments: [#"{"a":"b",}"#, #"{,"a":"b"}"#, #"{"a":"b",,"c":"d"}"#, #"{"a":"b" "c":"d"}"#, #"{"a" "b"}"#,
                      #"{'a':'b'}"#, #"{a:"b"}"#, #"{"a":'b'}"#])
    func commaColonAndQuoteErrorsAreMalformed(text: String) {
        #expect(decode(text) == .failure(.malformed))
    }

    @Test(arguments: [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3],
    ] as [[UInt8]])
    func invalidUTF8AnywhereIsInvalidUTF8(sequence: [UInt8]) {
        let prefix = Array(#"{"body":"a"#.utf8)
        #expect(decode(bytes: prefix + sequence + Array(#"b"}"#.utf8)) == .failure(.invalidUTF8), "in a kept string")
        #expect(decode(bytes: Array(#"{"a"#.utf8) + sequence + Array(#"":"b"}"#.utf8)) == .failure(.invalidUTF8), "in a key")
        #expect(decode(bytes: Array(#"{"x":["a"#.utf8) + sequence + Array(#""]}"#.utf8)) == .failure(.invalidUTF8), "in a skipped string")
        #expect(decode(bytes: Array(#"{"body":"a\n"#.utf8) + sequence + Array(#""}"#.utf8)) == .failure(.invalidUTF8), "beside an escape")
        #expect(decode(bytes: Array(#"{"body":"b"}"#.utf8) + sequence) == .failure(.invalidUTF8), "after the object")
        #expect(decode(bytes: Array(#"{"body":"b",]"#.utf8) + sequence) == .failure(.invalidUTF8), "wins over a syntax error before it")
        #expect(decode(bytes: Array(#"{"body":true,"x":""#.utf8) + sequence + Array(#""}"#.utf8)) == .failure(.invalidUTF8),
                "wins over a malformed field before it")
    }

    @Test func aLeadingByteOrderMarkIsSkippedAndNowhereElse() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(decode(bytes: bom + Array(#"{"body":"b"}"#.utf8)) == .fields(["body": "b"]))
        #expect(decode(bytes: [0x20] + bom + Array("{}".utf8)) == .failure(.malformed))
        #expect(decode(bytes: Array("{".utf8) + bom + Array("}".utf8)) == .failure(.malformed))
        #expect(decode("{\"body\":\"\u{FEFF}b\"}") == .fields(["body": "\u{FEFF}b"]), "inside a string it is text")
    }

    /// A top-level key given twice is refused, whatever the values (another reader of the body might
    /// keep the other one); escaped and canonically equivalent spellings are the same key.
    @Test func aRepeatedTopLevelKeyIsRefused() {
        #expect(decode(#"{"body":"1","body":"2"}"#) == .failure(.duplicateKey))
        #expect(decode(#"{"body":"1","body":"1"}"#) == .failure(.duplicateKey))
        #expect(decode(#"{"post":"a","post":true}"#) == .failure(.duplicateKey))
        #expect(decode(#"{"post":null,"post":"a"}"#) == .failure(.duplicateKey))
        #expect(decode(#"{"x":[1],"x":"s"}"#) == .failure(.duplicateKey), "also a key that is not a comment field")
        #expect(decode(#"{"post":7,"po\u0073t":"a"}"#) == .failure(.duplicateKey))
        #expect(decode("{\"e\u{301}\":\"1\",\"\u{E9}\":\"2\"}") == .failure(.duplicateKey),
                "keys are Swift strings: canonically equivalent spellings are one key")
        #expect(decode(#"{"post":true,"post":"a"}"#) == .failure(.malformed), "a malformed first value is found first")
        // Keys of nested values are not compared (they are skipped, never kept).
        #expect(decode(#"{"body":"b","x":{"a":1,"a":2}}"#) == .fields(["body": "b"]))
        #expect(decode(#"{"body":"b","post":"p"}"#) == .fields(["body": "b", "post": "p"]))
    }
}
