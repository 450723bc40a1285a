import Testing

/// What no outbound body may hold: the fixture's email (in any case), IP and user agent, and
/// the names of the private columns.
enum PrivacyScan {
    static func expectClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lowered = text.lowercased()
        for needle in [OutboxFixture.email, "reader.private", OutboxFixture.ip, OutboxFixture.userAgent.lowercased(), "privateagent",
                       "email_sealed", "email_hash", "ip_hash", "user_agent"] {
            #expect(!lowered.contains(needle.lowercased()), "an outbound body holds \(needle)", sourceLocation: sourceLocation)
        }
    }
}
