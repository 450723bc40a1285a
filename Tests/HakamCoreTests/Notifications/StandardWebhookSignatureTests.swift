import HakamCore
import Testing

@Suite("Standard Webhooks signature")
struct StandardWebhookSignatureTests {
    // The example of the Standard Webhooks / Svix documentation (secret, id, timestamp, payload and
    // signature as published; the signature re-checked with Python's hmac).
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp = 1_614_265_330
    static let body = Array(#"{"test": 2432232314}"#.utf8)

    @Test func matchesThePublishedExample() {
        let key = StandardWebhookSignature.key(fromSecretFileText: Self.secret + "\n")
        #expect(StandardWebhookSignature.header(id: Self.id, timestamp: Self.timestamp, body: Self.body, key: key)
            == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func verifyAcceptsOneGoodSignatureAmongSeveralAndNothingAltered() {
        let key = StandardWebhookSignature.key(fromSecretFileText: Self.secret)
        let good = StandardWebhookSignature.header(id: Self.id, timestamp: Self.timestamp, body: Self.body, key: key)
        #expect(StandardWebhookSignature.verify(header: "v1,AAAA " + good, id: Self.id, timestamp: Self.timestamp, body: Self.body, key: key))
        #expect(!StandardWebhookSignature.verify(header: good, id: Self.id + "x", timestamp: Self.timestamp, body: Self.body, key: key))
        #expect(!StandardWebhookSignature.verify(header: good, id: Self.id, timestamp: Self.timestamp + 1, body: Self.body, key: key))
        #expect(!StandardWebhookSignature.verify(header: good, id: Self.id, timestamp: Self.timestamp, body: Self.body + [0x20], key: key))
        #expect(!StandardWebhookSignature.verify(header: good, id: Self.id, timestamp: Self.timestamp, body: Self.body, key: Array("other".utf8)))
    }

    @Test func aPlainSecretIsItsTrimmedBytes() {
        #expect(StandardWebhookSignature.key(fromSecretFileText: "  s3cret \n") == Array("s3cret".utf8))
    }
}
