import Foundation
import HakamCore
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// The hostile-input catalogue (issue #8): each input is refused with a 4xx and stores nothing,
/// or is stored byte for byte and returned only as inert JSON. Never a 5xx.
extension BadInputTests {
    enum Outcome: Sendable {
        /// Refused with this status (and error code when given); nothing stored.
        case refused(Int, code: String?)
        /// 201, and the stored field holds exactly the submitted text.
        case storedVerbatim(field: String, value: String)
        /// 201 (for fields never returned, such as the email).
        case accepted
    }

    struct HostileCase: Sendable, CustomTestStringConvertible {
        let label: String
        let contentType: String
        let bytes: [UInt8]
        let outcome: Outcome
        var testDescription: String { label }

        /// A valid comment as JSON, with one field replaced by raw JSON text.
        static func json(_ label: String, field: String, rawJSON: String, _ outcome: Outcome) -> HostileCase {
            var fields = ["post": #""article-1""#, "name": #""أحمد""#, "email": #""ahmad@example.com""#, "body": #""مقال رائع""#]
            fields[field] = rawJSON
            let text = "{" + fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
            return HostileCase(label: label, contentType: "application/json", bytes: Array(text.utf8), outcome: outcome)
        }

        /// A valid comment as JSON with one field set to `value` (properly escaped).
        static func value(_ label: String, field: String, _ value: String, _ outcome: Outcome? = nil) -> HostileCase {
            let encoded = String(decoding: try! JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed]), as: UTF8.self)
            return json(label, field: field, rawJSON: String(encoded.dropFirst().dropLast()), outcome ?? .storedVerbatim(field: field, value: value))
        }

        static func form(_ label: String, _ body: [UInt8], _ outcome: Outcome) -> HostileCase {
            HostileCase(label: label, contentType: "application/x-www-form-urlencoded", bytes: body, outcome: outcome)
        }
    }

    static let zalgo = "Z\u{335}\u{321}\u{31B}\u{316}\u{317}a\u{338}\u{322}\u{31B}\u{31D}l\u{337}\u{328}g\u{336}o\u{335} text"
    static let tenMegabytes = 10 * 1024 * 1024

    static let hostileCases: [HostileCase] = [
        // Encoding
        .value("U+FFFD replacement character", field: "name", "a\u{FFFD}b"),
        HostileCase(label: "raw invalid UTF-8 (0xFF) in JSON", contentType: "application/json",
                    bytes: Array(#"{"post":"a","name":""#.utf8) + [0xFF] + Array(#"","email":"a@example.com","body":"x"}"#.utf8), outcome: .refused(400, code: "invalid_utf8")),
        HostileCase(label: "overlong UTF-8 (0xE0 0x80 0xAF) in JSON", contentType: "application/json",
                    bytes: Array(#"{"post":"a","name":""#.utf8) + [0xE0, 0x80, 0xAF] + Array(#"","email":"a@example.com","body":"x"}"#.utf8), outcome: .refused(400, code: "invalid_utf8")),
        HostileCase(label: "UTF-8 encoded surrogate (0xED 0xA0 0x80)", contentType: "application/json",
                    bytes: Array(#"{"post":"a","name":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#"","email":"a@example.com","body":"x"}"#.utf8), outcome: .refused(400, code: "invalid_utf8")),
        .form("overlong UTF-8 percent-encoded in a form", Array("post=a&name=%C0%AF&email=a%40example.com&body=x".utf8), .refused(400, code: "invalid_utf8")),
        .json("lone surrogate escape \\ud800", field: "name", rawJSON: #""a\ud800b""#, .refused(400, code: "malformed_body")),
        HostileCase(label: "raw NUL byte inside a JSON string", contentType: "application/json",
                    bytes: Array(#"{"post":"a","name":"a"#.utf8) + [0x00] + Array(#"b","email":"a@example.com","body":"x"}"#.utf8), outcome: .refused(400, code: "malformed_body")),
        .json("escaped NUL in the name", field: "name", rawJSON: #""a\u0000b""#, .refused(422, code: "validation_failed")),
        .form("percent-encoded NUL in a form body", Array("post=a&name=n&email=a%40example.com&body=a%00b".utf8), .refused(422, code: "validation_failed")),
        // Size and shape
        .json("10 MB body", field: "body", rawJSON: "\"" + String(repeating: "a", count: tenMegabytes) + "\"", .refused(413, code: "body_too_large")),
        .form("10 MB form", Array(("post=a&body=" + String(repeating: "a", count: tenMegabytes)).utf8), .refused(413, code: "body_too_large")),
        .form("100,000 form fields", Array(Array(repeating: "a", count: 100_000).joined(separator: "&").utf8), .refused(400, code: "malformed_body")),
        .json("100,000 JSON keys", field: "x", rawJSON: "{" + (0..<100_000).map { "\"k\($0)\":0" }.joined(separator: ",") + "}", .refused(413, code: "body_too_large")),
        .json("deeply nested array in a field", field: "name", rawJSON: String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000), .refused(400, code: "malformed_body")),
        .json("deeply nested object in an extra field", field: "extra", rawJSON: String(repeating: #"{"a":"#, count: 20_000) + "1" + String(repeating: "}", count: 20_000), .refused(400, code: "malformed_body")),
        HostileCase(label: "duplicate JSON keys", contentType: "application/json",
                    bytes: Array(#"{"post":"a","name":"first","name":"second","email":"a@example.com","body":"x"}"#.utf8), outcome: .refused(400, code: "duplicate_key")),  // another reader might keep the other value
        // Types
        .json("number for email", field: "email", rawJSON: "12345", .refused(400, code: "malformed_body")),
        .json("huge float for body", field: "body", rawJSON: "1e400", .refused(400, code: "malformed_body")),
        .json("boolean for name", field: "name", rawJSON: "true", .refused(400, code: "malformed_body")),
        .json("fraction for post", field: "post", rawJSON: "1.5", .refused(400, code: "malformed_body")),
        .json("post id beyond Int64", field: "post", rawJSON: "99999999999999999999", .refused(400, code: "malformed_body")),
        .json("array for body", field: "body", rawJSON: #"["a","b"]"#, .refused(400, code: "malformed_body")),
        .json("negative parent", field: "parent", rawJSON: "-1", .refused(422, code: "validation_failed")),
        .json("parent 0 (WordPress: top level)", field: "parent", rawJSON: "0", .accepted),
        .json("parent Int64.max", field: "parent", rawJSON: "9223372036854775807", .refused(422, code: "validation_failed")),
        .json("parent beyond Int64", field: "parent", rawJSON: "9223372036854775808", .refused(400, code: "malformed_body")),
        .json("parent as a huge string", field: "parent", rawJSON: "\"" + String(repeating: "9", count: 5_000) + "\"", .refused(422, code: "validation_failed")),
        // URLs
        .value("javascript: in mixed case", field: "url", "JaVaScRiPt:alert(1)", .refused(422, code: "validation_failed")),
        .value("javascript: after a space", field: "url", " javascript:alert(1)", .refused(422, code: "validation_failed")),
        .value("javascript: split by a tab", field: "url", "java\tscript:alert(1)", .refused(422, code: "validation_failed")),
        .value("data: URL", field: "url", "data:text/html,<script>alert(1)</script>", .refused(422, code: "validation_failed")),
        .value("CRLF header injection in url", field: "url", "https://example.com/\r\nLocation: https://evil.example", .refused(422, code: "validation_failed")),
        .value("percent-encoded CRLF in url", field: "url", "https://example.com/%0d%0aSet-Cookie:%20a=b"),
        // Injection and markup, stored as text
        .value("SQL injection in the name", field: "name", "Robert'); DROP TABLE comments;--"),
        .value("SQL injection in the body", field: "body", "' OR '1'='1' UNION SELECT email_sealed FROM comments --"),
        .value("SQL injection in the url", field: "url", "https://example.com/?id=1'%20OR%20'1'='1"),
        .value("SQL injection in the post key", field: "post", "1; DROP TABLE posts", .refused(422, code: "validation_failed")),
        .value("quote in the email", field: "email", "o'brien@example.com", .accepted),
        .value("script in the name", field: "name", "<script>alert(document.cookie)</script>"),
        .value("script in the body", field: "body", "<img src=x onerror=alert(1)><script>alert(1)</script>"),
        .value("markup in the url", field: "url", "https://example.com/\"><script>alert(1)</script>", .refused(422, code: "validation_failed")),
        .value("markup in the post key", field: "post", "<script>"),
        // Unicode tricks
        .value("bidi override in the body", field: "body", "invoice \u{202E}fdp.exe\u{202C} attached"),
        .value("bidi override in the name", field: "name", "admin\u{202E}nimda"),
        .value("Zalgo text", field: "body", zalgo),
        .value("a 20,000-letter word", field: "body", String(repeating: "a", count: 20_000)),
        .value("a 20,000-letter Arabic word", field: "body", String(repeating: "ب", count: 20_000)),
        .value("a 245-character name of combining marks", field: "name", "a" + String(repeating: "\u{301}", count: 244)),
    ]

    @Test(arguments: hostileCases)
    func hostileInputIsRefusedOrStoredVerbatim(_ testCase: HostileCase) async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postRaw(testCase.bytes, contentType: testCase.contentType)
            let status = Int(response.status.code)
            #expect(status < 500, "never a server error: \(status) \(response.bodyText.prefix(200))")
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "answers are JSON, never markup")
            switch testCase.outcome {
            case .accepted:
                #expect(status == 201, "\(response.bodyText.prefix(300))")
            case .refused(let expected, let code):
                #expect(status == expected, "\(response.bodyText.prefix(300))")
                if let code { #expect(try response.json["error"] as? String == code) }
                #expect(try await test.commentCount() == 0)
            case .storedVerbatim(let field, let value):
                #expect(status == 201, "\(response.bodyText.prefix(300))")
                let id = try #require(try response.json["id"] as? Int)
                let stored = try #require(try await test.database.comment(id: Int64(id)))
                let storedValue: String? = switch field {
                case "name": stored.name
                case "body": stored.body
                case "url": stored.url
                case "post": stored.postKey
                default: nil
                }
                #expect(storedValue == value, "stored byte for byte")
                #expect(try response.json[field] as? String == value, "returned as a JSON string")
            }
        }
    }

    /// Redirect targets a phisher would try: the reader always lands on this site or an allowed origin.
    @Test(arguments: [
        "https:evil.example", "https:/evil.example", "https:\\\\evil.example", "\\\\evil.example", "/\\/evil.example",
        "https://news.example@evil.example/", "https://news.example:443@evil.example/", "https://news.example\\@evil.example/",
        "HTTPS://EVIL.EXAMPLE/", "http://news.example/", "https://news.example.evil.example/", "//evil.example",
        "///evil.example", "\t//evil.example", "https://evil.example/\r\nLocation: https://evil.example",
        "https://news.example/%0d%0aSet-Cookie:%20a=b", "javascript:alert(1)//https://news.example/", "data:text/html,x",
    ])
    func openRedirectAndHeaderInjectionAttemptsFallBackToThisSite(_ redirectTo: String) async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postForm(
                [("author", "n"), ("email", "n@example.com"), ("comment", "hello"), ("comment_post_ID", "7"), ("redirect_to", redirectTo)],
                path: "/wp-comments-post.php")
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(!location.contains("\r") && !location.contains("\n") && !location.contains("\\"))
            let onThisSite = location.hasPrefix("/") && !location.hasPrefix("//")
            let onAllowedOrigin = location.hasPrefix("https://news.example/") || location.hasPrefix("https://news.example#")
            #expect(onThisSite || onAllowedOrigin, "Location: \(location)")
            #expect(!location.lowercased().contains("evil"), "Location: \(location)")
        }
    }

    /// The WordPress error page quotes no input except a safe Referer, and that escaped.
    @Test func theErrorPageEscapesTheRefererAndEchoesNoInput() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let referer = "https://news.example/a?x=\"><script>alert(1)</script>"
            let response = try await client.postForm(
                [("author", "<script>alert(2)</script>"), ("email", "not-an-email"), ("comment", "<b>hi</b>"), ("comment_post_ID", "7")],
                path: "/wp-comments-post.php", extraHeaders: [.referer: referer])
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            let page = response.bodyText
            #expect(!page.contains("<script>"), "\(page)")
            #expect(!page.contains("<b>hi"))
        }
    }
}
