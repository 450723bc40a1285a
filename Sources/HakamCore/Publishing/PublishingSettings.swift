/// `publishing:` in the policy: sites that keep a copy of the approved comments.
public struct PublishingSettings: Sendable, Equatable {
    public var wordpress: WordPressSettings?

    public init(wordpress: WordPressSettings? = nil) {
        self.wordpress = wordpress
    }
}
