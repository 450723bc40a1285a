/// What `hakam --version` prints: the release number and the git commit stamped at build time.
enum HakamVersion {
    /// Raised by hand for a release (scripts/release.sh reads it back from `hakam --version`).
    static let number = "0.9.0"

    static var description: String { "hakam \(number) (commit \(BuildInfo.commit))" }
}
