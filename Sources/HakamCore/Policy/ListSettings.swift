/// A field the word lists look at.
public enum ScannedField: String, Sendable, CaseIterable {
    case name, email, url, body
}

/// One word list of the policy (`word_lists:`), loaded and parsed.
public struct WordListSettings: Sendable, Equatable {
    /// Short name, used in the reason code `word.<name>`.
    public var name: String
    /// The list file, as written in the policy (relative to the policy's folder).
    public var file: String
    /// Floor on the verdict when the list matches (nil: the weight alone counts).
    public var action: ModerationAction?
    public var weight: Double
    public var fields: Set<ScannedField>
    public var patterns: [WordPattern]
    /// Added once more when two or more different entries of the list match (`word.<name>.repeated`):
    /// a comment that piles insults up is surer abuse than one stray word.
    public var repeatWeight: Double = 0

    public init(name: String, file: String, action: ModerationAction?, weight: Double, fields: Set<ScannedField> = Set(ScannedField.allCases), patterns: [WordPattern], repeatWeight: Double = 0) {
        self.repeatWeight = repeatWeight
        self.name = name
        self.file = file
        self.action = action
        self.weight = weight
        self.fields = fields
        self.patterns = patterns
    }
}

/// Where a domain list applies.
public enum DomainTarget: String, Sendable, CaseIterable {
    /// The email address's domain.
    case email
    /// Hosts of links in the body and the website field.
    case links
    case both
}

/// One domain list of the policy (`domain_lists:`): a domain matches itself and its subdomains.
public struct DomainListSettings: Sendable, Equatable {
    public var name: String
    public var file: String
    public var appliesTo: DomainTarget
    public var action: ModerationAction?
    /// Negative weights make an allow-list (trusted domains lower the score).
    public var weight: Double
    public var domains: Set<String>

    public init(name: String, file: String, appliesTo: DomainTarget, action: ModerationAction?, weight: Double, domains: Set<String>) {
        self.name = name
        self.file = file
        self.appliesTo = appliesTo
        self.action = action
        self.weight = weight
        self.domains = domains
    }
}

/// Weights of the built-in rules (`rules:` in the policy). Zero turns a rule off.
public struct RuleWeights: Sendable, Equatable {
    /// A hidden form field that people leave empty and bots fill in.
    public var honeypotField: String = "hakam_hp"
    public var honeypot: Double = 20
    public var allCaps: Double = 3
    public var repeatedCharacters: Double = 2
    public var mostlyLinks: Double = 5
    public var onlyEmoji: Double = 2
    public var zalgo: Double = 5
    public var invisibleCharacters: Double = 3
    public var mixedScript: Double = 5
    /// Added per comment of the author already marked spam, up to `reputationMaximum`.
    public var reputationPerSpam: Double = 3
    public var reputationMaximum: Double = 9
    /// Conventional test values (`viagra-test-123` as name, `akismet-guaranteed-spam@example.com`).
    public var testValues: Double = 20

    public init() {}
}
