import Foundation

/// The Standard Webhooks signature (https://www.standardwebhooks.com/):
/// `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
public enum StandardWebhookSignature {
    /// The HMAC key from a secret file's text: `whsec_<base64>` as the standard's libraries
    /// generate it, otherwise the trimmed text's bytes.
    public static func key(fromSecretFileText text: String) -> [UInt8] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("whsec_"), let data = Data(base64Encoded: String(trimmed.dropFirst(6))) {
            return Array(data)
        }
        return Array(trimmed.utf8)
    }

    /// The header value for one message.
    public static func header(id: String, timestamp: Int, body: [UInt8], key: [UInt8]) -> String {
        var message = Array("\(id).\(timestamp).".utf8)
        message += body
        return "v1," + Data(HMACSHA256.authenticate(message, key: key)).base64EncodedString()
    }

    /// Whether `header` (space-separated `v1,...` signatures) holds a valid one; for receivers
    /// and tests. The timestamp's freshness is the receiver's check.
    public static func verify(header: String, id: String, timestamp: Int, body: [UInt8], key: [UInt8]) -> Bool {
        let expected = Array(Self.header(id: id, timestamp: timestamp, body: body, key: key).utf8)
        return header.split(separator: " ").contains { ConstantTime.equal(Array($0.utf8), expected) }
    }
}
