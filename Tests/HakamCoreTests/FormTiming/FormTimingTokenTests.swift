import Foundation
@testable import HakamCore
import Testing

@Suite("Form timing token")
struct FormTimingTokenTests {
    let keys = PrivacyKeys(master: MasterKey.generate())
    let issued = Date(timeIntervalSince1970: 1_800_000_000)
    let settings = FormTimingSettings()

    @Test func aTokenSentInTimeIsOK() {
        let signer = FormTimingToken(keys: keys)
        let token = signer.issue(post: "economy-2026", at: issued)
        #expect(token.hasPrefix("v1.1800000000."))
        // The documented MAC, so tokens in pages served before an upgrade still verify.
        let mac = HexEncoding.encode(HMACSHA256.authenticate("v1:economy-2026:1800000000", key: keys.formTokenKey)).prefix(32)
        #expect(token == "v1.1800000000.\(mac)")
        #expect(signer.check(token, post: "economy-2026", now: issued + 45, settings: settings) == .ok(seconds: 45))
    }

    @Test(arguments: [(0.0, FormTiming.tooFast(seconds: 0)), (2.5, .tooFast(seconds: 2.5)), (3, .ok(seconds: 3)),
                      (48 * 3600, .ok(seconds: 48 * 3600)), (49 * 3600, .stale(hours: 49))])
    func theClockDecides(_ elapsed: Double, _ expected: FormTiming) {
        let signer = FormTimingToken(keys: keys)
        let token = signer.issue(post: "p", at: issued)
        #expect(signer.check(token, post: "p", now: issued + elapsed, settings: settings) == expected)
    }

    @Test func anAbsentTokenIsMissing() {
        let signer = FormTimingToken(keys: keys)
        #expect(signer.check(nil, post: "p", now: issued, settings: settings) == .missing)
        #expect(signer.check("", post: "p", now: issued, settings: settings) == .missing)
    }

    @Test func forgedAlteredOrMisplacedTokensAreInvalid() {
        let signer = FormTimingToken(keys: keys)
        let token = signer.issue(post: "p", at: issued)
        let parts = token.split(separator: ".").map(String.init)
        let earlier = "v1.\(Int(issued.timeIntervalSince1970) - 600).\(parts[2])"  // backdated to dodge too_fast
        let otherKey = FormTimingToken(keys: PrivacyKeys(master: MasterKey.generate())).issue(post: "p", at: issued)
        let flipped = String(token.dropLast()) + (token.last == "0" ? "1" : "0")
        for candidate in [earlier, otherKey, flipped, "v2.\(parts[1]).\(parts[2])", "garbage", "v1..", "v1.-5.abc", "v1.1.2.3"] {
            #expect(signer.check(candidate, post: "p", now: issued + 60, settings: settings) == .invalid, "\(candidate)")
        }
        // A token from one article's form does not verify on another article.
        #expect(signer.check(token, post: "other", now: issued + 60, settings: settings) == .invalid)
        #expect(signer.check(token, post: nil, now: issued + 60, settings: settings) == .invalid)
    }

    @Test func aTokenFromTheFutureIsInvalid() {
        let signer = FormTimingToken(keys: keys)
        let token = signer.issue(post: "p", at: issued + 3600)
        #expect(signer.check(token, post: "p", now: issued, settings: settings) == .invalid)
    }

    @Test func theFormTokenKeyIsItsOwnDerivation() {
        let all = [keys.emailHashKey, keys.sealKey, keys.moderationHashKey, keys.ipHashKey, keys.formTokenKey]
        #expect(Set(all.map { HexEncoding.encode($0) }).count == all.count)
        #expect(keys.formTokenKey.count == 32)
    }
}
