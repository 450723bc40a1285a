/// `If-None-Match` (RFC 9110 §13.1.2): `*`, or a list of entity tags compared weakly (`W/"x"`
/// matches `"x"`). Several header lines are one list.
struct EntityTagCondition: Sendable, Equatable {
    /// `*`: any current representation matches.
    var matchesAny = false
    /// The opaque tags with their quotes, without `W/`.
    var tags: [Substring] = []

    init(fields: [String]) {
        for field in fields { parse(Substring(field)) }
    }

    /// True when `etag` (a strong tag with its quotes) matches: the request's copy is current.
    func matches(_ etag: String) -> Bool {
        matchesAny || tags.contains { $0 == etag }
    }

    private mutating func parse(_ field: Substring) {
        var rest = field
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            guard let first = rest.first else { return }
            if first == "*" {
                matchesAny = true
                rest = rest.dropFirst()
                continue
            }
            if rest.hasPrefix("W/") { rest = rest.dropFirst(2) }
            // An entity tag is a quoted string without escapes; its characters may include commas.
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else {
                // Not a list of entity tags: skip to the next element rather than guess.
                guard let comma = rest.firstIndex(of: ",") else { return }
                rest = rest[rest.index(after: comma)...]
                continue
            }
            tags.append(rest[rest.startIndex...close])
            rest = rest[rest.index(after: close)...]
        }
    }
}
