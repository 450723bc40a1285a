/// The working keys, each derived from the master key with HKDF-SHA-256 under its own
/// `info` label, so one key can never be used for another key's purpose and none reveals
/// the master key. The salt is empty (RFC 5869's default): the master key is already
/// uniformly random, so extraction needs no salt.
public struct PrivacyKeys: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Short, non-secret identifier of the master key: the first 8 hex digits (4 bytes) of
    /// HMAC-SHA-256(master, "hakam key-id"). Stored in every sealed email so a wrong key
    /// file is recognised as such.
    public let keyID: String

    let keyIDBytes: [UInt8]
    let emailHashKey: [UInt8]
    let sealKey: [UInt8]
    let moderationHashKey: [UInt8]
    let ipHashKey: [UInt8]
    let formTokenKey: [UInt8]
    let actionLinkKey: [UInt8]

    /// HKDF `info` labels. Changing one changes every stored hash of that kind.
    enum Purpose: String, CaseIterable {
        case emailHash = "hakam email-hash v1"
        case seal = "hakam seal v1"
        case moderationHash = "hakam moderation-hash v1"
        case ipHash = "hakam ip-hash v1"
        case formToken = "hakam form-token v1"
        case actionLink = "hakam action-link v1"
    }

    public init(master: MasterKey) {
        func derive(_ purpose: Purpose) -> [UInt8] {
            HKDFSHA256.deriveKey(inputKeyMaterial: master.bytes, salt: [], info: Array(purpose.rawValue.utf8), outputByteCount: 32)
        }
        emailHashKey = derive(.emailHash)
        sealKey = derive(.seal)
        moderationHashKey = derive(.moderationHash)
        ipHashKey = derive(.ipHash)
        formTokenKey = derive(.formToken)
        actionLinkKey = derive(.actionLink)
        keyIDBytes = Array(HMACSHA256.authenticate("hakam key-id", key: master.bytes).prefix(4))
        keyID = HexEncoding.encode(keyIDBytes)
    }

    public var description: String { "PrivacyKeys(keyID: \(keyID))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["keyID": keyID], displayStyle: .struct) }
}
