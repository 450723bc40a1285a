import Foundation

/// The signed token of a moderator's action link: one comment, one action, one named
/// moderator, an expiry and a random nonce (which makes it single-use: the store records each
/// used nonce). `v1.COMMENT.ACTION.MODERATOR.EXPIRES.NONCE.MAC`, MODERATOR base64url-encoded,
/// MAC the base64url HMAC-SHA-256 of everything before it under the action-link key (its own
/// HKDF derivation of the master key).
public struct ActionLinkToken: Sendable, Equatable {
    /// What a link may do.
    public enum Action: String, Sendable, CaseIterable {
        case approve, spam, trash, ban
    }

    public var commentID: Int64
    public var action: Action
    public var moderator: String
    public var expiresAt: Date
    public var nonce: String

    public init(commentID: Int64, action: Action, moderator: String, expiresAt: Date, nonce: String) {
        self.commentID = commentID
        self.action = action
        self.moderator = moderator
        self.expiresAt = expiresAt
        self.nonce = nonce
    }

    /// What a presented token turned out to be.
    public enum Check: Sendable, Equatable {
        case valid(ActionLinkToken)
        case expired(ActionLinkToken)
        /// Not made with this key, altered, or not a token at all.
        case forged
    }
}

/// Makes and checks action-link tokens with the key derived from the master key.
public struct ActionLinkSigner: Sendable {
    private let key: HMACSHA256Key

    public init(keys: PrivacyKeys) { key = HMACSHA256Key(keys.actionLinkKey) }

    public func token(for link: ActionLinkToken) -> String {
        let payload = Self.payload(link)
        return payload + "." + Self.base64url(key.authenticate(payload))
    }

    /// A fresh link, valid for `hours`.
    public func issue(commentID: Int64, action: ActionLinkToken.Action, moderator: String, now: Date, hours: Int) -> String {
        let nonce = HexEncoding.encode((0..<16).map { _ in UInt8.random(in: 0...255) })
        let expires = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + Double(hours) * 3600).rounded(.down))
        return token(for: ActionLinkToken(commentID: commentID, action: action, moderator: moderator, expiresAt: expires, nonce: nonce))
    }

    public func check(_ token: String, now: Date) -> ActionLinkToken.Check {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard token.utf8.count <= 512, parts.count == 7, parts[0] == "v1",
              let commentID = Int64(parts[1]), commentID > 0,
              let action = ActionLinkToken.Action(rawValue: parts[2]),
              let moderatorBytes = Self.decodeBase64url(parts[3]), let moderator = String(bytes: moderatorBytes, encoding: .utf8),
              let seconds = Int64(parts[4]), parts[5].count == 32
        else { return .forged }
        let payload = parts[0..<6].joined(separator: ".")
        guard ConstantTime.equal(Array(parts[6].utf8), Array(Self.base64url(key.authenticate(payload)).utf8)) else { return .forged }
        let link = ActionLinkToken(commentID: commentID, action: action, moderator: moderator,
                                   expiresAt: Date(timeIntervalSince1970: Double(seconds)), nonce: parts[5])
        return now < link.expiresAt ? .valid(link) : .expired(link)
    }

    static func payload(_ link: ActionLinkToken) -> String {
        let seconds = Int64(link.expiresAt.timeIntervalSince1970.rounded(.down))
        return "v1.\(link.commentID).\(link.action.rawValue).\(base64url(Array(link.moderator.utf8))).\(seconds).\(link.nonce)"
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64url(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}

/// Where a token is opened: `BASE/moderate/TOKEN` (the HTTP route of the confirmation page).
public enum ActionLinkURL {
    public static func make(base: URL, token: String) -> String {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text + "/moderate/" + token
    }
}
