import Foundation

/// Issues and checks the timing token of the comment form: `v1.SECONDS.MAC`, where SECONDS is
/// the Unix time the form was issued and MAC the first 32 hex digits of
/// HMAC-SHA-256("v1:POST:SECONDS") under the form-token key (its own HKDF derivation). Binding
/// the article key means a token harvested from one article's form does not verify on another.
/// The token is not single-use: the flood and duplicate checks handle repeats.
/// Make one per key and keep it (the server's `AppServices.formTiming`): the key is prepared once.
public struct FormTimingToken: Sendable {
    private let key: HMACSHA256Key

    public init(keys: PrivacyKeys) { self.key = HMACSHA256Key(keys.formTokenKey) }

    public func issue(post: String, at date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return "v1.\(seconds).\(mac(post: post, seconds: seconds))"
    }

    /// The fact the token establishes at `now` under `settings` (a future issue time beyond a
    /// minute of clock skew is invalid).
    public func check(_ token: String?, post: String?, now: Date, settings: FormTimingSettings) -> FormTiming {
        guard let token, !token.isEmpty else { return .missing }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let post, parts[1].count <= 12,
              let seconds = Int64(parts[1]), seconds >= 0,
              ConstantTime.equal(Array(parts[2].lowercased().utf8), Array(mac(post: post, seconds: seconds).utf8))
        else { return .invalid }
        let elapsed = now.timeIntervalSince1970 - Double(seconds)
        if elapsed < -60 { return .invalid }
        if elapsed < settings.minSeconds { return .tooFast(seconds: max(0, elapsed)) }
        if elapsed > settings.maxAgeHours * 3600 { return .stale(hours: elapsed / 3600) }
        return .ok(seconds: elapsed)
    }

    private func mac(post: String, seconds: Int64) -> String {
        String(HexEncoding.encode(key.authenticate("v1:\(post):\(seconds)")).prefix(32))
    }
}
