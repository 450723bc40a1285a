import Foundation
import Testing
@testable import HakamCore

@Suite("XML stream parser")
struct XMLStreamParserTests {
    /// Every event of a document, with all text collected.
    static func events(_ bytes: [UInt8], limits: XMLLimits = XMLLimits(), chunkSize: Int = 64 * 1024) throws(XMLParseError) -> [XMLEvent] {
        var parser = XMLStreamParser(stream: InputStream(data: Data(bytes)), limits: limits, chunkSize: chunkSize)
        parser.collectsText = true
        var events: [XMLEvent] = []
        while true {
            let event = try parser.next()
            events.append(event)
            if event == .endOfDocument { return events }
        }
    }

    static func events(_ text: String, limits: XMLLimits = XMLLimits()) throws(XMLParseError) -> [XMLEvent] {
        try events(Array(text.utf8), limits: limits)
    }

    /// The text of the document's events, joined.
    static func text(_ document: String) throws -> String {
        try events(document).compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
    }

    static func failure(_ bytes: [UInt8], limits: XMLLimits = XMLLimits()) -> XMLParseError? {
        do {
            _ = try events(bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    static func failure(_ text: String, limits: XMLLimits = XMLLimits()) -> XMLParseError? {
        failure(Array(text.utf8), limits: limits)
    }

    @Test func entitiesAndCharacterReferences() throws {
        let events = try Self.events(#"<a x="1 &amp; &#x41;&#66;&#9;" y='&quot;'>&lt;&gt;&amp;&quot;&apos; &#233;&#x1F600;&#13;</a>"#)
        guard case .start(let name, let attributes, let line) = events.first else { Issue.record("no start: \(events)"); return }
        #expect(name.qualified == "a" && line == 1)
        #expect(attributes == ["x": "1 & AB\t", "y": "\""])
        #expect(events.dropFirst().first == .text("<>&\"' é😀\r"))
    }

    @Test func cdataSectionsIncludingSplitTerminators() throws {
        #expect(try Self.text("<a><![CDATA[x]]]]><![CDATA[>y]]></a>") == "x]]>y")
        #expect(try Self.text("<a><![CDATA[]]]></a>") == "]")
        #expect(try Self.text("<a>before <![CDATA[<b>&amp;</b>]]> after</a>") == "before <b>&amp;</b> after")
        #expect(try Self.text("<a><![CDATA[]]></a>") == "")
    }

    @Test func lineEndsAreNormalizedAndCounted() throws {
        #expect(try Self.events(Array("<a>1\r\n2\r3&#13;4\n</a>".utf8)).dropFirst().first == .text("1\n2\n3\r4\n"))
        #expect(try Self.text("<a><![CDATA[x\r\ny]]></a>") == "x\ny")
        let error = Self.failure(Array("<a>\r\n<b>\r\n\r</c></a>".utf8))
        #expect(error?.line == 4)
        #expect(try Self.events("<a>\r\n<b/></a>").contains { if case .start(let name, _, 2) = $0 { name.local == "b" } else { false } })
    }

    @Test func commentsAndProcessingInstructionsAreSkipped() throws {
        let document = "\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c -->\n<?pi x?><a>x<!-- - inside -->y<?pi data?>z</a>\n<!-- after -->\n"
        #expect(try Self.text(document) == "xyz")
        #expect(try Self.events("<a/>").count == 3)
    }

    @Test func textIsNotGivenWhenNotCollected() throws {
        var parser = XMLStreamParser(stream: InputStream(data: Data("<a>dropped<b>kept</b>dropped</a>".utf8)))
        var texts: [String] = []
        loop: while true {
            switch try parser.next() {
            case .start(let name, _, _): parser.collectsText = name.local == "b"
            case .end: parser.collectsText = false
            case .text(let text): texts.append(text)
            case .endOfDocument: break loop
            }
        }
        #expect(texts == ["kept"])
    }

    @Test func namespacePrefixesResolve() throws {
        let events = try Self.events(#"<r xmlns:w="urn:one" xmlns="urn:default"><w:a xmlns:w="urn:two" w:x="1"/><w:a/><b xmlns=""/></r>"#)
        let starts = events.compactMap { if case .start(let name, let attributes, _) = $0 { (name, attributes) } else { nil } }
        #expect(starts.map(\.0.namespace) == ["urn:default", "urn:two", "urn:one", nil])
        #expect(starts.map(\.0.local) == ["r", "a", "a", "b"])
        #expect(starts[1].1 == ["w:x": "1"] && starts[0].1.isEmpty)
    }

    /// Each broken document, the words its error must contain and the line it must name.
    @Test(arguments: [
        ("<a>&nbsp;</a>", "&nbsp; is not defined", 1),
        ("<a>Tom & Jerry</a>", "entity", 1),
        ("<a>\n1 < 2</a>", "a name was expected", 2),
        ("<a><b></a></b>", "</a> does not match the opening tag <b>", 1),
        ("<a>x ]]> y</a>", "]]> is not allowed", 1),
        ("<a><!-- a -- b --></a>", "-- is not allowed", 1),
        ("<a x=\"1\" x=\"2\"/>", "appears twice", 1),
        ("<a x=1/>", "in quotes", 1),
        ("<a x=\"<\"/>", "< is not allowed", 1),
        ("<p:a/>", "prefix p: of <p:a> is not declared", 1),
        ("<a p:x=\"1\"/>", "prefix p:", 1),
        ("<!DOCTYPE a [<!ENTITY lol \"lol\">]><a>&lol;</a>", "DOCTYPE is not accepted", 1),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", "only UTF-8", 1),
        ("<?xml version=\"1.1\"?><a/>", "only XML 1.0", 1),
        ("<a/>\n<?xml version=\"1.0\"?>", "only allowed at the very start", 2),
        ("<a>&#0;</a>", "not a character XML allows", 1),
        ("<a>&#xD800;</a>", "not a character XML allows", 1),
        ("<a>&#x110000;</a>", "not a character XML allows", 1),
        ("<a>\u{1}</a>", "control character", 1),
        ("<a/>text", "text after the root", 1),
        ("<a/><b/>", "a second root element", 1),
        ("", "empty", 1),
        ("  \n", "empty", 2),
        ("<a b:c:d=\"1\" xmlns:b=\"u\"/>", "not a valid name", 1),
        ("<a xmlns:p=\"\"/>", "is not allowed", 1),
        ("<a\n/b>", "not closed with >", 2),
    ])
    func malformedDocumentsAreRefused(document: String, words: String, line: Int) {
        let error = Self.failure(document)
        guard case .malformed(let message)? = error?.kind else { Issue.record("\(document.debugDescription): \(String(describing: error))"); return }
        #expect(message.contains(words), "\(document.debugDescription): \(message)")
        #expect(error?.line == line, "\(document.debugDescription): \(message)")
    }

    @Test(arguments: [
        [0x3C, 0x61, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x61, 0x3E] as [UInt8],  // a lead byte without its continuation
        [0x3C, 0x61, 0x3E, 0xC0, 0xAF, 0x3C, 0x2F, 0x61, 0x3E],  // overlong "/"
        [0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E],  // an encoded surrogate
        [0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E],
        [0x3C, 0x61, 0x3E, 0xEF, 0xBF, 0xBF, 0x3C, 0x2F, 0x61, 0x3E],  // U+FFFF
    ])
    func invalidUTF8IsRefused(bytes: [UInt8]) {
        guard case .malformed? = Self.failure(bytes)?.kind else { Issue.record("accepted \(bytes)"); return }
    }

    @Test(arguments: ["<a><b>text", "<a><![CDATA[never closed", "<a><!-- never closed", "<a x=\"1", "<a><b", "<a></a", "<a>&amp"])
    func truncatedDocumentsSaySo(document: String) {
        #expect(Self.failure(document)?.kind == .truncated, "\(document.debugDescription)")
    }

    @Test func aDocumentCutInsideAUTF8CharacterIsTruncated() {
        #expect(Self.failure([0x3C, 0x61, 0x3E, 0xD8])?.kind == .truncated)
    }

    @Test func limitsBoundWhatADocumentCanMakeTheReaderHold() {
        var limits = XMLLimits()
        limits.maxDepth = 3
        #expect(Self.failure("<a><b><c></c></b></a>", limits: limits) == nil)
        guard case .tooLarge? = Self.failure("<a><b><c><d/></c></b></a>", limits: limits)?.kind else { Issue.record("depth"); return }
        limits.maxTextBytes = 4
        #expect(Self.failure("<a>four</a>", limits: limits) == nil)
        guard case .tooLarge? = Self.failure("<a>fiver</a>", limits: limits)?.kind else { Issue.record("text"); return }
        guard case .tooLarge? = Self.failure("<a><![CDATA[fiver]]></a>", limits: limits)?.kind else { Issue.record("cdata"); return }
        limits.maxNameBytes = 3
        guard case .tooLarge? = Self.failure("<abcd/>", limits: limits)?.kind else { Issue.record("name"); return }
        limits.maxAttributes = 1
        guard case .tooLarge? = Self.failure("<a x=\"1\" y=\"2\"/>", limits: limits)?.kind else { Issue.record("attributes"); return }
    }

    /// Every construct across every chunk boundary: the events do not depend on where reads end.
    @Test func chunkBoundariesDoNotChangeTheEvents() throws {
        let document = Array(WXRReaderTests.document(items: WXRReaderTests.item).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            + Array("<!-- é -->\r\n".utf8)
        let whole = try Self.events(document)
        #expect(whole.count > 40)
        for size in [1, 2, 3, 5, 7, 13] {
            #expect(try Self.events(document, chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    /// Damaged copies of a real export (bytes cut, flipped, duplicated, markup characters dropped
    /// in): each is read or refused with an `XMLParseError`, never a trap, and a cut copy is never
    /// read as complete.
    @Test func damagedDocumentsAreReadOrRefusedNeverTrap() throws {
        let original = Array(WXRReaderTests.document(items: WXRReaderTests.item + WXRReaderTests.item).utf8)
        var random = SplitMix64(seed: 0x5EED)
        let specials = Array("<>&;]![/?\"'=-#x:\r\n".utf8) + [0x00, 0xC3, 0xE2, 0xF0, 0x80, 0xFF]
        var refused = 0
        for round in 0..<3000 {
            var bytes = original
            for _ in 0...(round % 4) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[at] = specials[Int(random.next() % UInt64(specials.count))]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(contentsOf: bytes[at..<min(at + 9, bytes.count)], at: at)
                default: bytes[at] ^= UInt8(1 << (random.next() % 8))
                }
            }
            if Self.failure(bytes) != nil { refused += 1 }
            let cut = Int(random.next() % UInt64(original.count - 8))
            #expect(Self.failure(Array(original[..<cut])) != nil, "a document cut at byte \(cut) was read as complete")
        }
        #expect(refused > 500, "only \(refused) of 3000 damaged copies were refused")
    }
}

