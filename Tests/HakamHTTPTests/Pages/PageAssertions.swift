import Foundation
import HummingbirdTesting
import Testing

/// Checks every HTML page shares: security headers, and no inline script or style anywhere
/// (the CSP would block them, and their absence is what makes the CSP safe).
func expectSecureHTML(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.headers[.contentType] == "text/html; charset=utf-8", sourceLocation: sourceLocation)
    let csp = response.headers[.contentSecurityPolicy] ?? ""
    #expect(csp.contains("script-src 'self'"), sourceLocation: sourceLocation)
    #expect(csp.contains("default-src 'none'"), sourceLocation: sourceLocation)
    #expect(csp.contains("frame-ancestors 'self'"), sourceLocation: sourceLocation)
    #expect(!csp.contains("unsafe-inline"), sourceLocation: sourceLocation)
    #expect(response.headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
    #expect(response.headers[.init("Referrer-Policy")!] == "strict-origin-when-cross-origin", sourceLocation: sourceLocation)
    expectNoInlineCode(response.bodyText, sourceLocation: sourceLocation)
}

/// No `<script>` without `src`, no `on…=` handler attribute, no `style=` attribute, no `javascript:` link.
func expectNoInlineCode(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let scripts = html.matches(of: /<script\b[^>]*>/.ignoresCase())
    for script in scripts {
        #expect(script.output.contains("src=\"/embed.js\""), "inline script: \(script.output)", sourceLocation: sourceLocation)
    }
    #expect(html.firstMatch(of: /<[^>]*\s(on[a-z]+|style)\s*=/.ignoresCase()) == nil, "inline handler or style", sourceLocation: sourceLocation)
    #expect(html.firstMatch(of: /href\s*=\s*"\s*javascript:/.ignoresCase()) == nil, "javascript: link", sourceLocation: sourceLocation)
}

/// The value of `name="NAME" value="…"` in a rendered form.
func formValue(_ html: String, name: String) -> String? {
    guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    let rest = html[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
}
