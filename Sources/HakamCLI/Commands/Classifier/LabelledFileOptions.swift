import ArgumentParser
import Foundation
import HakamCore

/// How to read labelled comments from CSV or TSV files (`hakam train`, `hakam classifier eval`).
struct LabelledFileOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, tsv
    }

    @Option(help: "File format: csv (RFC 4180) or tsv (tab-separated; quoted cells allowed).") var format: Format = .csv
    @Option(help: ArgumentHelp("Column with the comment text: a header name or a 1-based number (default: the first of text, content, comment, body, tweet).", valueName: "column"))
    var textColumn: String?
    @Option(help: ArgumentHelp("Column with the label (default: the first of label, class, spam).", valueName: "column"))
    var labelColumn: String?
    @Option(help: ArgumentHelp("Column with the author's name, if any (default: author or name when present). Only its shape is used.", valueName: "column"))
    var nameColumn: String?
    @Option(help: ArgumentHelp("A label value meaning spam; repeat for several (default: 1 and spam). Every other value is ham.", valueName: "value"))
    var spamLabel: [String] = []
    @Flag(help: "The files have no header row (columns by number).") var noHeader = false
    @Flag(help: "Quotes are ordinary characters: one row per line (e.g. OSACT2020's tweets).") var noQuotes = false
    @Argument(help: "Labelled files (several are read as one set).") var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one labelled file") }
        if noHeader {
            for (name, value) in [("--text-column", textColumn), ("--label-column", labelColumn)] where Int(value ?? "") == nil {
                throw ValidationError("\(name) must be a column number with --no-header")
            }
        }
    }

    /// Reads every file; a missing file or column is a `CLIError` naming it.
    func examples() throws -> [LabelledExample] {
        try examples(from: files)
    }

    /// Reads other files (e.g. a held-out set) with the same format options.
    func examples(from files: [String]) throws -> [LabelledExample] {
        let parser = DelimitedTextParser(delimiter: format == .csv ? "," : "\t", quoting: !noQuotes)
        let spamValues = Set((spamLabel.isEmpty ? ["1", "spam"] : spamLabel).map { $0.lowercased() })
        var examples: [LabelledExample] = []
        for file in files {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw CLIError("cannot read \(file): \(error.localizedDescription)")
            }
            var rows = parser.rows(text)
            let header = noHeader ? [] : (rows.isEmpty ? [] : rows.removeFirst())
            let textIndex = try column(textColumn, defaults: ["text", "content", "comment", "body", "tweet"], header: header, file: file, what: "text")
            let labelIndex = try column(labelColumn, defaults: ["label", "class", "spam"], header: header, file: file, what: "label")
            let nameIndex = try nameColumn.map { try column($0, defaults: [], header: header, file: file, what: "name") }
                ?? (noHeader ? nil : header.firstIndex { ["author", "name"].contains($0.lowercased()) })
            for (offset, row) in rows.enumerated() {
                guard textIndex < row.count, labelIndex < row.count else {
                    throw CLIError("\(file): row \(offset + (noHeader ? 1 : 2)) has \(row.count) fields; the text or label column is missing")
                }
                let label = row[labelIndex].trimmingCharacters(in: .whitespaces).lowercased()
                let name = nameIndex.flatMap { $0 < row.count ? row[$0] : nil } ?? ""
                examples.append(LabelledExample(input: ClassifierInput(name: name, body: row[textIndex]),
                                                label: spamValues.contains(label) ? .spam : .ham))
            }
        }
        return examples
    }

    private func column(_ spec: String?, defaults: [String], header: [String], file: String, what: String) throws -> Int {
        if let spec, let number = Int(spec) {
            guard number >= 1 else { throw CLIError("the \(what) column number must be 1 or more") }
            return number - 1
        }
        let names = spec.map { [$0] } ?? defaults
        for name in names {
            if let index = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == name.lowercased() }) { return index }
        }
        throw CLIError("\(file): no \(what) column (\(names.joined(separator: ", "))) in the header \(header.joined(separator: ","))")
    }
}

extension [LabelledExample] {
    var spamCount: Int { count { $0.label == .spam } }
}
