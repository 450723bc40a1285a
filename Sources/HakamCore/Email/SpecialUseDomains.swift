/// Top-level names that are reserved and never hold a public mailbox.
enum SpecialUseDomains {
    /// RFC 6761 (`test`, `invalid`, `localhost`), RFC 6762 (`local`, mDNS), RFC 7686
    /// (`onion`), RFC 3172 (`arpa`, infrastructure), RFC 9476 (`alt`). `example` is
    /// deliberately *not* here: documentation and tests everywhere use example.com.
    static let topLevelNames: Set<String> = ["arpa", "invalid", "local", "localhost", "onion", "test", "alt"]

    static func isSpecialUse(topLevelLabel: String) -> Bool {
        topLevelNames.contains(topLevelLabel)
    }
}
