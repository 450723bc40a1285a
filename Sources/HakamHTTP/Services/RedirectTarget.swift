import Foundation
import HakamCore

/// Where the WordPress form flow sends the reader after posting: `redirect_to` when it is on an
/// allowed origin (or a same-site path), else the Referer's page when that is allowed, else `/`.
/// Never an open redirect, never a header injection.
struct RedirectTarget {
    let allowedOrigins: [String]

    func base(redirectTo: String?, referer: String?) -> String {
        for candidate in [redirectTo, referer].compactMap({ $0 }) where isSafe(candidate) {
            return candidate
        }
        return "/"
    }

    /// The final Location: the base URL plus WordPress's `unapproved` query for a pending comment
    /// and the `#comment-ID` fragment.
    func location(base: String, commentID: Int64, pendingHash: String?) -> String {
        var url = base
        if let fragment = url.firstIndex(of: "#") { url = String(url[..<fragment]) }
        if let pendingHash {
            url += (url.contains("?") ? "&" : "?") + "unapproved=\(commentID)&moderation-hash=\(pendingHash)"
        }
        return url + "#comment-\(commentID)"
    }

    func isSafe(_ candidate: String) -> Bool {
        guard !candidate.isEmpty, candidate.count <= 2_000,
              !candidate.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" })
        else { return false }
        // A path on this site: "/x" but not "//host" (scheme-relative).
        if candidate.hasPrefix("/") { return !candidate.hasPrefix("//") }
        guard let origin = SiteOrigin(url: candidate) else { return false }
        return allowedOrigins.contains(origin.serialized)
    }
}
