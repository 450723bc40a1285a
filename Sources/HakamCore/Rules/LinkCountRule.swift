/// What the links of a body say, from one scan: many links are held, as WordPress does with
/// `comment_max_links` (`links.many`), and a body that is mostly links scores
/// (`shape.mostly_links`). Links are `http://`, `https://` and bare `www.` (see `LinkScanner`).
public struct LinkCountRule: Rule {
    public let holdAt: Int
    /// Weight of `shape.mostly_links` (0: off): links make up 60 % or more of the visible text.
    public let mostlyLinksWeight: Double

    public init(holdAt: Int, mostlyLinksWeight: Double = 0) {
        self.holdAt = holdAt
        self.mostlyLinksWeight = mostlyLinksWeight
    }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        let links = LinkScanner.links(in: comment.body)
        guard !links.isEmpty else { return [] }
        var reasons: [Reason] = []
        if links.count >= holdAt {
            reasons.append(Reason(code: "links.many", weight: 0, field: "body", minimumAction: .hold,
                                  detail: "\(links.count) links (hold at \(holdAt))"))
        }
        if mostlyLinksWeight != 0 {
            let linkScalars = links.reduce(0) { $0 + $1.text.unicodeScalars.count }
            // Spaces by value, not by Unicode property: a property lookup per scalar costs more than the whole scan.
            let visible = comment.body.unicodeScalars.reduce(0) { count, scalar in
                switch scalar.value {
                case 0x09...0x0D, 0x20, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: count
                default: count + 1
                }
            }
            if visible > 0, Double(linkScalars) / Double(visible) >= 0.6 {
                reasons.append(Reason(code: "shape.mostly_links", weight: mostlyLinksWeight, field: "body",
                                      detail: "\(linkScalars) of \(visible) characters are links"))
            }
        }
        return reasons
    }

    static func countLinks(in text: String) -> Int {
        LinkScanner.links(in: text).count
    }
}
