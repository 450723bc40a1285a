import Foundation

/// Reads the comments of a WordPress export (WXR) one at a time with `XMLStreamParser`, which
/// reads the file in chunks: a 500 MB export never sits in memory, only the comment being read.
///
/// Elements are matched by the names WordPress writes (`wp:comment`, …), prefix included, as the
/// WordPress importer's parsers match them (the prefix must be declared, as XML requires). A file that stops before `</rss>` (a
/// truncated download) is an error, as is anything that is not well-formed XML.
public final class WXRReader {
    private let stream: InputStream
    private let limits: XMLLimits

    public init(stream: InputStream, limits: XMLLimits = XMLLimits()) {
        self.stream = stream
        self.limits = limits
    }

    public convenience init(path: String) throws(WXRReadError) {
        guard FileManager.default.isReadableFile(atPath: path), let stream = InputStream(fileAtPath: path) else {
            throw .cannotOpen(path: path)
        }
        self.init(stream: stream)
    }

    /// Leaf elements of a `wp:comment` whose text is kept.
    private static let commentFields: Set<String> = [
        "wp:comment_id", "wp:comment_parent", "wp:comment_author", "wp:comment_author_email", "wp:comment_author_url",
        "wp:comment_author_IP", "wp:comment_date", "wp:comment_date_gmt", "wp:comment_content", "wp:comment_approved",
        "wp:comment_type",
    ]

    /// Calls `handle` for each comment in file order; errors thrown by `handle` stop the read
    /// and are rethrown as they are.
    public func read(_ handle: (WXRComment) throws -> Void) throws {
        var parser = XMLStreamParser(stream: stream, limits: limits)
        var stack: [String] = []
        var state = State()
        do {
            while true {
                switch try parser.next() {
                case .start(let name, _, let line):
                    let element = name.qualified
                    if stack.isEmpty, element != "rss" { throw WXRReadError.notWXR }
                    let parent = stack.last ?? ""
                    stack.append(element)
                    parser.collectsText = state.start(element, in: parent, line: line)
                case .text(let text):
                    state.text += text
                case .end:
                    let element = stack.removeLast()
                    parser.collectsText = false
                    if let comment = state.end(element, in: stack.last ?? "") { try handle(comment) }
                case .endOfDocument:
                    guard state.sawChannel else { throw WXRReadError.notWXR }
                    return
                }
            }
        } catch let error as XMLParseError {
            switch error.kind {
            case .truncated: throw WXRReadError.truncated(line: error.line)
            case .malformed(let message), .unreadable(let message), .tooLarge(let message):
                throw WXRReadError.malformed(line: error.line, column: error.column, message: message)
            }
        }
    }

    /// What has been read of the current channel, item and comment.
    private struct State {
        var sawChannel = false
        var text = ""
        private var siteURL = ""
        private var channelLink = ""
        private var postID = ""
        private var postKeyMeta: String?
        private var metaKey = ""
        private var metaValue = ""
        private var comment: WXRComment?

        /// Whether the element's text is to be kept.
        mutating func start(_ name: String, in parent: String, line: Int) -> Bool {
            switch (parent, name) {
            case ("rss", "channel"):
                sawChannel = true
            case ("channel", "item"):
                postID = ""
                postKeyMeta = nil
            case ("item", "wp:comment"):
                var started = WXRComment()
                started.line = line
                comment = started
            case ("item", "wp:postmeta"):
                metaKey = ""
                metaValue = ""
            case ("channel", "wp:base_site_url"), ("channel", "link"), ("item", "wp:post_id"),
                 ("wp:postmeta", "wp:meta_key"), ("wp:postmeta", "wp:meta_value"):
                text = ""
                return true
            case ("wp:comment", _) where WXRReader.commentFields.contains(name):
                text = ""
                return true
            default:
                break
            }
            return false
        }

        /// The finished comment when `name` closes one.
        mutating func end(_ name: String, in parent: String) -> WXRComment? {
            let value = text
            text = ""
            switch (parent, name) {
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
                guard var finished = comment else { return nil }
                comment = nil
                finished.site = siteURL.isEmpty ? channelLink : siteURL
                finished.postID = postID
                finished.postKeyMeta = postKeyMeta
                return finished
            case ("wp:comment", _):
                assign(value, to: name)
            default:
                break
            }
            return nil
        }

        private mutating func assign(_ value: String, to field: String) {
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
    }
}
