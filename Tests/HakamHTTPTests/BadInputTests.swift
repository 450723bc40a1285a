import Foundation
import HakamCore
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Bad input gets a clear error and stores nothing")
struct BadInputTests {
    struct FieldCase: Sendable, CustomTestStringConvertible {
        let label: String
        let overrides: [String: String]
        let field: String
        let code: String
        var testDescription: String { label }
    }

    static let fieldCases: [FieldCase] = [
        .init(label: "missing name", overrides: ["name": ""], field: "name", code: "required"),
        .init(label: "blank name", overrides: ["name": "   "], field: "name", code: "blank"),
        .init(label: "name of 246 characters", overrides: ["name": String(repeating: "ب", count: 246)], field: "name", code: "too_long"),
        .init(label: "name with a newline", overrides: ["name": "a\nb"], field: "name", code: "control_characters"),
        .init(label: "email without dot", overrides: ["email": "a@b"], field: "email", code: "invalid_email.domain_needs_dot"),
        .init(label: "quoted local part", overrides: ["email": "\"quoted\"@example.com"], field: "email", code: "invalid_email.quoted_local_part"),
        .init(label: "IP literal", overrides: ["email": "user@[127.0.0.1]"], field: "email", code: "invalid_email.ip_literal"),
        .init(label: "display name", overrides: ["email": "Ahmad <ahmad@example.com>"], field: "email", code: "invalid_email.display_name"),
        .init(label: "special-use domain", overrides: ["email": "a@printer.local"], field: "email", code: "invalid_email.special_use_domain"),
        .init(label: "missing email", overrides: ["email": ""], field: "email", code: "required"),
        .init(label: "blank body", overrides: ["body": " \n\t "], field: "body", code: "blank"),
        .init(label: "body of zero-width spaces", overrides: ["body": "\u{200B}\u{200B}"], field: "body", code: "blank"),
        .init(label: "body over 20,000 characters", overrides: ["body": String(repeating: "ك", count: 20_001)], field: "body", code: "too_long"),
        .init(label: "NUL in body", overrides: ["body": "hello\u{0}world"], field: "body", code: "control_characters"),
        .init(label: "escape in body", overrides: ["body": "hello\u{1B}[31m"], field: "body", code: "control_characters"),
        .init(label: "javascript: url", overrides: ["url": "javascript:alert(1)"], field: "url", code: "invalid_url"),
        .init(label: "ftp url", overrides: ["url": "ftp://example.com"], field: "url", code: "invalid_url"),
        .init(label: "url without host", overrides: ["url": "https://"], field: "url", code: "invalid_url"),
        .init(label: "url with header injection", overrides: ["url": "https://example.com/\r\nSet-Cookie: x=1"], field: "url", code: "control_characters"),
        .init(label: "url over 200 characters", overrides: ["url": "https://example.com/" + String(repeating: "a", count: 190)], field: "url", code: "too_long"),
        .init(label: "negative parent", overrides: ["parent": "-3"], field: "parent", code: "invalid_parent"),
        .init(label: "huge parent", overrides: ["parent": "99999999999999999999999"], field: "parent", code: "invalid_parent"),
        .init(label: "missing post", overrides: ["post": ""], field: "post", code: "required"),
        .init(label: "post with spaces", overrides: ["post": "my article"], field: "post", code: "invalid_post"),
    ]

    @Test(arguments: fieldCases)
    func fieldErrorsAre422WithTheFieldAndCode(_ testCase: FieldCase) async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            var object = comment()
            for (key, value) in testCase.overrides { object[key] = value }
            let response = try await client.postJSON(object)
            #expect(response.status == .unprocessableContent)
            let json = try response.json
            #expect(json["error"] as? String == "validation_failed")
            let fields = try #require(json["fields"] as? [String: [String: String]])
            #expect(fields[testCase.field]?["code"] == testCase.code, "\(fields)")
            #expect(fields[testCase.field]?["message"]?.isEmpty == false)
            #expect(try await test.commentCount() == 0)
        }
    }

    @Test func validValuesAtTheLimitsAreAccepted() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(comment(
                name: String(repeating: "ب", count: 245), email: "مستخدم@مثال.مصر",
                body: String(repeating: "ك", count: 20_000), extra: ["url": "https://example.com/path?q=1", "parent": NSNull()]))
            #expect(response.status == .created, "\(response.bodyText.prefix(300))")
        }
    }

    @Test func errorsSpeakArabicWhenTheReaderPrefersIt() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let arabic = try await client.postJSON(["post": "a"], language: "ar-EG,ar;q=0.9,en;q=0.5")
            #expect(arabic.headers[.contentLanguage] == "ar")
            let json = try arabic.json
            #expect(json["message"] as? String == "بعض الحقول تحتاج إلى تصحيح.")
            let fields = try #require(json["fields"] as? [String: [String: String]])
            #expect(fields["name"]?["message"] == "حقل «الاسم» مطلوب.")
            #expect(Set(fields.keys) == ["name", "email", "body"])

            let english = try await client.postJSON(["post": "a"], language: "en-US,en;q=0.9,ar;q=0.1")
            #expect(english.headers[.contentLanguage] == "en")
            #expect(try english.json["message"] as? String == "Some fields need your attention.")
        }
    }

    @Test func malformedBodiesAre400() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let cases: [(String, [UInt8], String)] = [
                ("not JSON", Array("{\"post\": ".utf8), "malformed_body"),
                ("a JSON array", Array("[1,2]".utf8), "malformed_body"),
                ("a number for name", Array(#"{"post":"a","name":5,"email":"a@example.com","body":"x"}"#.utf8), "malformed_body"),
                ("an object for body", Array(#"{"post":"a","name":"n","email":"a@example.com","body":{"x":1}}"#.utf8), "malformed_body"),
                ("invalid UTF-8", Array(#"{"post":"a","name":""#.utf8) + [0xC3, 0x28] + Array(#"","email":"a@example.com","body":"x"}"#.utf8), "invalid_utf8"),
                ("overlong UTF-8", Array(#"{"post":"a","name":""#.utf8) + [0xC0, 0xAF] + Array(#"","email":"a@example.com","body":"x"}"#.utf8), "invalid_utf8"),
                ("deeply nested JSON", Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), "malformed_body"),
            ]
            for (label, bytes, code) in cases {
                let response = try await client.postRaw(bytes, contentType: "application/json")
                #expect(response.status == .badRequest, "\(label)")
                #expect(try response.json["error"] as? String == code, "\(label)")
            }
            let form = try await client.postRaw(Array("post=a&name=%FF&email=a%40example.com&body=x".utf8), contentType: "application/x-www-form-urlencoded")
            #expect(form.status == .badRequest)
            #expect(try form.json["error"] as? String == "invalid_utf8")
            let badEscape = try await client.postRaw(Array("post=a&name=%G1".utf8), contentType: "application/x-www-form-urlencoded")
            #expect(badEscape.status == .badRequest)
            #expect(try await test.commentCount() == 0)
        }
    }

    @Test func numericPostAndParentAreAcceptedAsIdentifiers() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postRaw(Array(#"{"post":42,"parent":null,"name":"n","email":"n@example.com","body":"x"}"#.utf8), contentType: "application/json")
            #expect(response.status == .created)
            #expect(try response.json["post"] as? String == "42")
        }
    }

    @Test func otherMediaTypesAre415() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postRaw(Array("hello".utf8), contentType: "text/plain")
            #expect(response.status == .unsupportedMediaType)
            #expect(try response.json["error"] as? String == "unsupported_media_type")
        }
    }

    @Test func bodiesOver256KiBAre413() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let big = comment(body: String(repeating: "a", count: 300 * 1024))
            let response = try await client.postJSON(big)
            #expect(response.status == .contentTooLarge)
            #expect(try response.json["error"] as? String == "body_too_large")
            #expect(try await test.commentCount() == 0)
        }
    }

    @Test func tooManyFormFieldsIs400() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let body = (0..<5_000).map { "f\($0)=1" }.joined(separator: "&")
            let response = try await client.postRaw(Array(body.utf8), contentType: "application/x-www-form-urlencoded")
            #expect(response.status == .badRequest)
        }
    }

    @Test func htmlAndSQLAreStoredVerbatimAndInert() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let hostile = "<script>alert('x')</script>'); DROP TABLE comments; --"
            let response = try await client.postJSON(comment(name: hostile, body: hostile))
            #expect(response.status == .created)
            #expect(try response.json["body"] as? String == hostile)
            let id = try #require(try response.json["id"] as? Int)
            #expect(try await test.database.comment(id: Int64(id))?.name == hostile)
        }
    }
}
