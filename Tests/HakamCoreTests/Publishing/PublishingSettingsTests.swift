import Foundation
import HakamCore
import Testing

@Suite("publishing settings")
struct PublishingSettingsTests {
    @Test func theWordPressBlockIsRead() throws {
        let yaml = """
            publishing:
              wordpress:
                url: https://news.example/blog/
                user: hakam-bot
                application_password_file: secrets/wp.secret
                post_id_from: slug
            """
        let policy = try PolicyLoader().parse(yaml, file: "/etc/hakam/policy.yml")
        let wordpress = try #require(policy.publishing.wordpress)
        #expect(wordpress.url.absoluteString == "https://news.example/blog/")
        #expect(wordpress.user == "hakam-bot")
        #expect(wordpress.applicationPasswordFile == "/etc/hakam/secrets/wp.secret")
        #expect(wordpress.postIDFrom == .slug)
        #expect(wordpress.destination == "wordpress:news.example/blog")
        // The default: numeric keys are post ids, as WordPress's own form sends them.
        let plain = try PolicyLoader().parse(yaml.replacingOccurrences(of: "\n    post_id_from: slug", with: ""), file: "/p/policy.yml")
        #expect(plain.publishing.wordpress?.postIDFrom == .commentPostID)
        #expect(try PolicyLoader().parse("moderation: all\n", file: "p.yml").publishing.wordpress == nil)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var yaml: String
        var key: String
        var fragment: String
        var testDescription: String { key + ": " + fragment }
    }

    static let bad: [Bad] = [
        .init(yaml: "publishing:\n  wordpres: {}\n", key: "publishing.wordpres", fragment: "unknown key"),
        .init(yaml: "publishing:\n  wordpress:\n    url: https://a.example\n    user: u\n    application_password_file: f\n    password: x\n",
              key: "publishing.wordpress.password", fragment: "unknown key"),
        .init(yaml: "publishing:\n  wordpress:\n    url: http://news.example\n    user: u\n    application_password_file: f\n",
              key: "publishing.wordpress.url", fragment: "loopback"),
        .init(yaml: "publishing:\n  wordpress:\n    url: https://a.example\n    application_password_file: f\n",
              key: "publishing.wordpress", fragment: "needs user"),
        .init(yaml: "publishing:\n  wordpress:\n    url: https://a.example\n    user: u\n",
              key: "publishing.wordpress", fragment: "application_password_file"),
        .init(yaml: "publishing:\n  wordpress:\n    url: https://a.example\n    user: u\n    application_password_file: f\n    post_id_from: title\n",
              key: "publishing.wordpress.post_id_from", fragment: "comment_post_ID or slug"),
        .init(yaml: "publishing:\n  wordpress:\n    url: https://a.example/?p=1\n    user: u\n    application_password_file: f\n",
              key: "publishing.wordpress.url", fragment: "site root"),
    ]

    @Test(arguments: bad)
    func mistakesAreRefusedWithTheirKey(_ bad: Bad) {
        #expect {
            try PolicyLoader().parse(bad.yaml, file: "bad.yml")
        } throws: { error in
            guard let error = error as? PolicyError else { return false }
            return error.key == bad.key && error.description.contains(bad.fragment)
        }
    }
}
