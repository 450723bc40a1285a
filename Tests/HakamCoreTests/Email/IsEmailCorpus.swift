import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Dominic Sayers' is_email test suite (`tests.xml`, `tests-original.xml`), read from the
/// shared corpora folder next to the repository: `<repo>/../shared/corpora/isemail`.
/// Data only — it is never copied into the project.
enum IsEmailCorpus {
    /// One `<test>`: the address (controls restored), its category and diagnosis.
    struct Case: Sendable {
        let id: String
        let address: String
        let category: String
        let diagnosis: String
    }

    /// This file is `<repo>/Tests/HakamCoreTests/Email/IsEmailCorpus.swift`.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Email
        .deletingLastPathComponent() // HakamCoreTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repository root
        .appendingPathComponent("../shared/corpora/isemail")
        .standardizedFileURL

    static let fileNames = ["tests.xml", "tests-original.xml"]

    static var isPresent: Bool {
        fileNames.allSatisfy { FileManager.default.isReadableFile(atPath: folder.appendingPathComponent($0).path) }
    }

    static func load(_ fileName: String) throws -> [Case] {
        let data = try Data(contentsOf: folder.appendingPathComponent(fileName))
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(fileName): \(parser.parserError.map(String.init(describing:)) ?? "parse error")"])
        }
        return reader.cases
    }

    /// The suite stores ASCII controls as the visible "SYMBOL FOR …" characters
    /// U+2400 + code (its Notes §1: XML cannot hold most controls); map them back.
    static func restoringControls(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x2400...0x241F).contains(scalar.value), let control = Unicode.Scalar(scalar.value - 0x2400) {
                scalars.append(control)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Collects `<test id>` → address/category/diagnosis; keeps whitespace exactly.
    private final class Reader: NSObject, XMLParserDelegate {
        var cases: [Case] = []
        private var id = ""
        private var fields: [String: String] = [:]
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "test" {
                id = attributes["id"] ?? "?"
                fields = [:]
            }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "address", "category", "diagnosis":
                fields[name] = text
            case "test":
                cases.append(Case(id: id, address: IsEmailCorpus.restoringControls(fields["address"] ?? ""),
                                  category: fields["category"] ?? "", diagnosis: fields["diagnosis"] ?? ""))
            default:
                break
            }
            text = ""
        }
    }
}
