import Foundation
import HakamCore

/// The few WordPress REST calls the publisher makes, as the configured user with an Application
/// Password (HTTP Basic). Routes go through `?rest_route=`, which every WordPress answers, with or
/// without pretty permalinks. Failures say the status and WordPress's error code, never the
/// password or a comment's text.
struct WordPressClient: Sendable {
    let site: URL
    let authorization: String
    let transport: any HTTPTransport

    init(site: URL, user: String, password: String, transport: any HTTPTransport) {
        self.site = site
        // WordPress shows Application Passwords in groups of four with spaces; it accepts them either way.
        authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        self.transport = transport
    }

    /// Creates a comment and returns its id.
    func create(_ fields: WordPressCommentFields) async throws(DeliveryFailure) -> Int64 {
        let answer = try await exchange("POST", "/wp/v2/comments", body: fields)
        guard answer.status == 201 || answer.status == 200 else { throw failure("creating a comment", answer) }
        guard let id = Self.object(answer.body)?["id"].flatMap(Self.int64) else {
            throw DeliveryFailure("WordPress created a comment but its answer had no id")
        }
        return id
    }

    /// Updates a comment; false when WordPress no longer has it.
    func update(_ id: Int64, _ fields: WordPressCommentFields) async throws(DeliveryFailure) -> Bool {
        let answer = try await exchange("POST", "/wp/v2/comments/\(id)", body: fields)
        if Self.isGone(answer) { return false }
        guard (200..<300).contains(answer.status) else { throw failure("updating comment \(id)", answer) }
        return true
    }

    /// Deletes a comment for good (not to WordPress's trash); one already gone is fine.
    func delete(_ id: Int64) async throws(DeliveryFailure) {
        let answer = try await exchange("DELETE", "/wp/v2/comments/\(id)", query: [("force", "true")])
        if Self.isGone(answer) { return }
        guard (200..<300).contains(answer.status) else { throw failure("deleting comment \(id)", answer) }
    }

    /// The comment whose author email is `email`, whatever its status: how a copy made by an
    /// attempt whose answer was lost is found again (the email is unique per Hakam comment).
    func comment(withAuthorEmail email: String) async throws(DeliveryFailure) -> Int64? {
        let answer = try await exchange("GET", "/wp/v2/comments", query: [
            ("author_email", email), ("status", "any"), ("context", "edit"), ("per_page", "10"), ("_fields", "id,author_email"),
        ])
        guard answer.status == 200 else { throw failure("looking for an earlier copy", answer) }
        guard let items = (try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [[String: Any]] else {
            throw DeliveryFailure("WordPress answered the comment search with something other than a list")
        }
        // The filter is exact in WordPress; checked again so a plugin that widens it cannot mislead.
        return items.first { ($0["author_email"] as? String)?.lowercased() == email.lowercased() }?["id"].flatMap(Self.int64)
    }

    /// The id of the published post (or page) with this slug, if any.
    func postID(slug: String) async throws(DeliveryFailure) -> Int64? {
        for route in ["/wp/v2/posts", "/wp/v2/pages"] {
            let answer = try await exchange("GET", route, query: [("slug", slug), ("_fields", "id")])
            guard answer.status == 200 else { throw failure("looking up the post '\(slug)'", answer) }
            let items = (try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [[String: Any]]
            if let id = items?.first?["id"].flatMap(Self.int64) { return id }
        }
        return nil
    }

    // MARK: Plumbing

    private func exchange(
        _ method: String, _ route: String, query: [(String, String)] = [], body: WordPressCommentFields? = nil
    ) async throws(DeliveryFailure) -> OutboundHTTPResponse {
        var headers = [("Authorization", authorization), ("Accept", "application/json")]
        var bytes: [UInt8]?
        if let body {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(body) else { throw DeliveryFailure("cannot encode the comment") }
            bytes = Array(data)
            headers.append(("Content-Type", "application/json; charset=utf-8"))
        }
        return try await transport.send(OutboundHTTPRequest(method: method, url: url(route, query: query), headers: headers, body: bytes))
    }

    func url(_ route: String, query: [(String, String)]) -> URL {
        var text = site.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        text += "?rest_route=" + Self.encode(route)
        for (name, value) in query { text += "&\(name)=\(Self.encode(value))" }
        return URL(string: text)!
    }

    /// RFC 3986's unreserved characters, plus the slash and comma WordPress routes and lists use.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/,")

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// 404, or WordPress's `rest_comment_invalid_id` (its answer for a deleted comment).
    static func isGone(_ answer: OutboundHTTPResponse) -> Bool {
        answer.status == 404 || answer.status == 410
    }

    /// The status and WordPress's error code (`rest_comment_closed`, …): stable words, no
    /// message text, nothing sent.
    func failure(_ doing: String, _ answer: OutboundHTTPResponse) -> DeliveryFailure {
        let code = (Self.object(answer.body)?["code"] as? String).map { " (\($0.prefix(60)))" } ?? ""
        return DeliveryFailure("WordPress answered HTTP \(answer.status)\(code) when \(doing)")
    }

    static func object(_ body: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    static func int64(_ value: Any) -> Int64? {
        if let number = value as? NSNumber { return number.int64Value }
        if let text = value as? String { return Int64(text) }
        return nil
    }
}
