import Foundation

/// The bytes a webhook sends: the standard JSON event, or the Slack shape.
public enum WebhookBody {
    /// `{"id", "type", "timestamp", "data": {...}}`: the Standard Webhooks envelope.
    public static func standard(_ facts: NotificationFacts) -> [UInt8] {
        var data: [String: JSONValue] = [:]
        if let id = facts.commentID { data["comment_id"] = .number(Double(id)) }
        data["post"] = facts.post.map(JSONValue.string)
        data["status"] = facts.status.map(JSONValue.string)
        data["previous_status"] = facts.previousStatus.map(JSONValue.string)
        data["score"] = facts.score.map(JSONValue.number)
        data["reasons"] = .array(NotificationFacts.publicReasons(facts.reasons).map { reason in
            var item: [String: JSONValue] = ["code": .string(reason.code), "weight": .number(reason.weight)]
            item["field"] = reason.field.map(JSONValue.string)
            item["quote"] = reason.quote.map(JSONValue.string)
            item["detail"] = reason.detail.map(JSONValue.string)
            return .object(item)
        })
        data["excerpt"] = facts.excerpt.map(JSONValue.string)
        data["author_name"] = facts.authorName.map(JSONValue.string)
        data["actor"] = facts.actor.map(JSONValue.string)
        data["action"] = facts.action.map(JSONValue.string)
        data["ban_kind"] = facts.banKind.map(JSONValue.string)
        if !facts.actionLinks.isEmpty {
            data["links"] = .object(Dictionary(facts.actionLinks.map { ($0.action, JSONValue.string($0.url)) }, uniquingKeysWith: { a, _ in a }))
        }
        let envelope: JSONValue = .object([
            "id": .string(facts.eventID),
            "type": .string(facts.type.rawValue),
            "timestamp": .string(ISO8601Timestamp.format(facts.occurredAt)),
            "data": .object(data),
        ])
        return Array(envelope.serialized().utf8)
    }

    /// `{"text", "blocks"}` for Slack-style incoming webhooks.
    public static func slack(_ facts: NotificationFacts, language: NotificationLanguage) -> [UInt8] {
        let text = NotificationText(language: language)
        let summary = text.summary(facts)
        var blocks: [JSONValue] = [
            .object(["type": .string("section"), "text": .object(["type": .string("mrkdwn"), "text": .string(slackEscaped(summary))])]),
        ]
        if let excerpt = facts.excerpt {
            blocks.append(.object(["type": .string("section"), "text": .object([
                "type": .string("mrkdwn"), "text": .string("> " + slackEscaped(excerpt)),
            ])]))
        }
        let reasons = facts.reasons.map(\.code)
        if !reasons.isEmpty || facts.score != nil {
            let line = text.reasonsLine(score: facts.score, codes: reasons)
            blocks.append(.object(["type": .string("context"), "elements": .array([
                .object(["type": .string("mrkdwn"), "text": .string(slackEscaped(line))]),
            ])]))
        }
        if !facts.actionLinks.isEmpty {
            blocks.append(.object(["type": .string("actions"), "elements": .array(facts.actionLinks.map { link in
                .object([
                    "type": .string("button"),
                    "text": .object(["type": .string("plain_text"), "text": .string(text.actionLabel(link.action))]),
                    "url": .string(link.url),
                ])
            })]))
        }
        let body: JSONValue = .object(["text": .string(summary), "blocks": .array(blocks)])
        return Array(body.serialized().utf8)
    }

    /// Slack's three control characters in mrkdwn text.
    static func slackEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
