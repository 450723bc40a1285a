import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the comments of a WordPress export (WXR) one at a time, with a streaming SAX parser:
/// `XMLParser(stream:)` feeds libxml2's push parser in small chunks, so a 500 MB export never
/// sits in memory; only the comment being read does.
///
/// Two gaps of Foundation's parser on Linux are closed here: it does not report a document
/// that simply stops (a truncated download) — the reader checks that `</rss>` was reached —
/// and it does not stop on the delegate's errors, so the first error is kept and rethrown.
public final class WXRReader {
    private let stream: InputStream

    public init(stream: InputStream) {
        self.stream = stream
    }

    public convenience init(path: String) throws(WXRReadError) {
        guard FileManager.default.isReadableFile(atPath: path), let stream = InputStream(fileAtPath: path) else {
            throw .cannotOpen(path: path)
        }
        self.init(stream: stream)
    }

    /// Calls `handle` for each comment in file order; errors thrown by `handle` stop the read
    /// and are rethrown as they are.
    public func read(_ handle: @escaping (WXRComment) throws -> Void) throws {
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(handle: handle)
        parser.delegate = delegate
        _ = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard delegate.sawChannel else { throw WXRReadError.notWXR }
        guard delegate.documentClosed else { throw WXRReadError.truncated(line: max(parser.lineNumber, delegate.lastLine)) }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (WXRComment) throws -> Void
        var failure: (any Error)?
        var sawChannel = false
        var documentClosed = false
        var lastLine = 0

        private var stack: [String] = []
        private var text = ""
        private var capturing = false
        private var siteURL = ""
        private var channelLink = ""
        private var postID = ""
        private var postKeyMeta: String?
        private var metaKey = ""
        private var metaValue = ""
        private var comment: WXRComment?

        init(handle: @escaping (WXRComment) throws -> Void) {
            self.handle = handle
        }

        /// Leaf elements whose text is kept, by their parent element.
        private static let commentFields: Set<String> = [
            "wp:comment_id", "wp:comment_parent", "wp:comment_author", "wp:comment_author_email", "wp:comment_author_url",
            "wp:comment_author_IP", "wp:comment_date", "wp:comment_date_gmt", "wp:comment_content", "wp:comment_approved",
            "wp:comment_type",
        ]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            let parent = stack.last ?? ""
            stack.append(name)
            lastLine = parser.lineNumber
            switch (parent, name) {
            case ("rss", "channel"):
                sawChannel = true
            case ("channel", "item"):
                postID = ""
                postKeyMeta = nil
            case ("item", "wp:comment"):
                var started = WXRComment()
                started.line = parser.lineNumber
                comment = started
            case ("item", "wp:postmeta"):
                metaKey = ""
                metaValue = ""
            case ("channel", "wp:base_site_url"), ("channel", "link"), ("item", "wp:post_id"),
                 ("wp:postmeta", "wp:meta_key"), ("wp:postmeta", "wp:meta_value"):
                startCapture()
            case ("wp:comment", _) where Self.commentFields.contains(name):
                startCapture()
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
            let parent = stack.last ?? ""
            let value = capturing ? text : ""
            capturing = false
            switch (parent, name) {
            case ("", "rss"):
                documentClosed = true
            case ("channel", "wp:base_site_url"):
                siteURL = value.trimmingWhitespace()
            case ("channel", "link"):
                channelLink = value.trimmingWhitespace()
            case ("item", "wp:post_id"):
                postID = value.trimmingWhitespace()
            case ("wp:postmeta", "wp:meta_key"):
                metaKey = value.trimmingWhitespace()
            case ("wp:postmeta", "wp:meta_value"):
                metaValue = value
            case ("item", "wp:postmeta"):
                if metaKey == WXRExportWriter.postKeyMeta { postKeyMeta = metaValue }
            case ("item", "wp:comment"):
                guard var finished = comment else { return }
                comment = nil
                finished.site = siteURL.isEmpty ? channelLink : siteURL
                finished.postID = postID
                finished.postKeyMeta = postKeyMeta
                do {
                    try handle(finished)
                } catch {
                    failure = error
                    parser.abortParsing()
                }
            case ("wp:comment", _):
                assign(value, to: name)
            default:
                break
            }
        }

        private func assign(_ value: String, to field: String) {
            switch field {
            case "wp:comment_id": comment?.id = value.trimmingWhitespace()
            case "wp:comment_parent": comment?.parent = value.trimmingWhitespace()
            case "wp:comment_author": comment?.author = value
            case "wp:comment_author_email": comment?.authorEmail = value
            case "wp:comment_author_url": comment?.authorURL = value
            case "wp:comment_author_IP": comment?.authorIP = value
            case "wp:comment_date": comment?.date = value.trimmingWhitespace()
            case "wp:comment_date_gmt": comment?.dateGMT = value.trimmingWhitespace()
            case "wp:comment_content": comment?.content = value
            case "wp:comment_approved": comment?.approved = value.trimmingWhitespace()
            case "wp:comment_type": comment?.type = value.trimmingWhitespace()
            default: break
            }
        }

        /// libxml2's `xmlParserErrors` code, which Foundation passes on as the error code.
        static let prematureEnd = 5

        /// Foundation on Linux gives only the code; the common ones in words.
        static func describe(_ code: Int) -> String {
            switch code {
            case 4: "the document is empty"
            case 9: "a character that XML does not allow"
            case 23, 26, 27: "an undefined or malformed entity (a bare & must be written &amp;)"
            case 41: "an attribute without a value"
            case 65, 73: "a tag that is not closed with >"
            case 68: "a < that does not start a tag (write &lt;)"
            case 76: "the closing tag does not match the opening tag"
            case 77: "a tag that is never closed"
            default: "XML error \(code) (libxml2)"
            }
        }

        private func startCapture() {
            text = ""
            capturing = true
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if capturing { text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if capturing { text += String(decoding: block, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
            guard failure == nil else { return }
            let code = (error as NSError).code
            failure = code == Self.prematureEnd
                ? WXRReadError.truncated(line: parser.lineNumber)
                : WXRReadError.malformed(line: parser.lineNumber, column: parser.columnNumber, message: Self.describe(code))
            parser.abortParsing()
        }
    }
}
