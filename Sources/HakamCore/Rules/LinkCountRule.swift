/// Holds comments with many links, as WordPress does with `comment_max_links`.
/// Counts `http://`, `https://` and `www.` occurrences in the body.
public struct LinkCountRule: Rule {
    public let holdAt: Int

    public init(holdAt: Int) { self.holdAt = holdAt }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        let count = Self.countLinks(in: comment.body)
        guard count >= holdAt else { return [] }
        return [Reason(code: "links.many", weight: 0, field: "body", minimumAction: .hold,
                       detail: "\(count) links (hold at \(holdAt))")]
    }

    static func countLinks(in text: String) -> Int {
        LinkScanner.links(in: text).count
    }
}

