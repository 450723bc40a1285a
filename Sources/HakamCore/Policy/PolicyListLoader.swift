import Foundation
import Yams

/// Reads the `word_lists:` and `domain_lists:` entries and the files they name.
struct PolicyListLoader {
    let reader: PolicyNodeReader
    let folder: URL
    let files: PolicyFiles

    func wordLists(_ node: Node) throws(PolicyError) -> [WordListSettings] {
        guard let sequence = node.sequence else { throw reader.error(node, "word_lists", "must be a list of {name, file, weight, action, fields}") }
        var lists: [WordListSettings] = []
        for (index, item) in sequence.enumerated() {
            let key = "word_lists[\(index)]"
            let entry = try reader.mapping(item, key: key, allowed: ["name", "file", "action", "weight", "fields", "repeat_weight"])
            let name = try requiredName(entry, item, key: key, existing: lists.map(\.name))
            let (file, contents) = try readFile(entry, item, key: key)
            let patterns: [WordPattern]
            do {
                patterns = try WordMatcher.parseList(contents, listID: index)
            } catch {
                throw PolicyError(file: folder.appendingPathComponent(file).path, line: error.line, key: nil, message: error.description)
            }
            var fields = Set(ScannedField.allCases)
            if let fieldsNode = entry["fields"] {
                fields = Set(try reader.strings(fieldsNode, key: "\(key).fields").map { (text, node) throws(PolicyError) in
                    guard let field = ScannedField(rawValue: text) else { throw reader.error(node, "\(key).fields", "'\(text)' is not one of: name, email, url, body") }
                    return field
                })
            }
            lists.append(WordListSettings(
                name: name, file: file, action: try action(entry["action"], key: "\(key).action"),
                weight: try entry["weight"].map { (node) throws(PolicyError) in try reader.number(node, key: "\(key).weight") } ?? 0,
                fields: fields, patterns: patterns,
                repeatWeight: try entry["repeat_weight"].map { (node) throws(PolicyError) in try reader.number(node, key: "\(key).repeat_weight") } ?? 0))
        }
        return lists
    }

    func domainLists(_ node: Node) throws(PolicyError) -> [DomainListSettings] {
        guard let sequence = node.sequence else { throw reader.error(node, "domain_lists", "must be a list of {name, file, applies_to, weight, action}") }
        var lists: [DomainListSettings] = []
        for (index, item) in sequence.enumerated() {
            let key = "domain_lists[\(index)]"
            let entry = try reader.mapping(item, key: key, allowed: ["name", "file", "applies_to", "action", "weight"])
            let name = try requiredName(entry, item, key: key, existing: lists.map(\.name))
            let (file, contents) = try readFile(entry, item, key: key)
            var target = DomainTarget.both
            if let targetNode = entry["applies_to"] {
                let text = try reader.string(targetNode, key: "\(key).applies_to")
                guard let parsed = DomainTarget(rawValue: text) else { throw reader.error(targetNode, "\(key).applies_to", "must be email, links or both") }
                target = parsed
            }
            var domains = Set<String>()
            for (lineIndex, rawLine) in contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                    .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard !line.isEmpty else { continue }
                guard let ascii = try? IDNA.toASCII(line), ascii.contains(".") || !ascii.isEmpty else {
                    throw PolicyError(file: folder.appendingPathComponent(file).path, line: lineIndex + 1, message: "'\(line)' is not a domain name")
                }
                domains.insert(ascii)
            }
            lists.append(DomainListSettings(
                name: name, file: file, appliesTo: target, action: try action(entry["action"], key: "\(key).action"),
                weight: try entry["weight"].map { (node) throws(PolicyError) in try reader.number(node, key: "\(key).weight") } ?? 0,
                domains: domains))
        }
        return lists
    }

    private func requiredName(_ entry: [String: Node], _ item: Node, key: String, existing: [String]) throws(PolicyError) -> String {
        guard let node = entry["name"] else { throw reader.error(item, key, "needs a name (used in reason codes)") }
        let name = try reader.string(node, key: "\(key).name")
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw reader.error(node, "\(key).name", "use letters, digits, - and _ only")
        }
        guard !existing.contains(name) else { throw reader.error(node, "\(key).name", "'\(name)' is used twice") }
        return name
    }

    private func readFile(_ entry: [String: Node], _ item: Node, key: String) throws(PolicyError) -> (String, String) {
        guard let node = entry["file"] else { throw reader.error(item, key, "needs a file") }
        let file = try reader.string(node, key: "\(key).file")
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : folder.appendingPathComponent(file)
        do {
            return (file, try files.read(url))
        } catch {
            throw reader.error(node, "\(key).file", "cannot read \(url.path)")
        }
    }

    private func action(_ node: Node?, key: String) throws(PolicyError) -> ModerationAction? {
        guard let node else { return nil }
        let text = try reader.string(node, key: key)
        guard let action = ModerationAction(rawValue: text), action != .approve else {
            throw reader.error(node, key, "must be hold, spam or trash")
        }
        return action
    }
}

/// Reads `rules:`: the built-in rules' weights.
struct RuleWeightsReader {
    let reader: PolicyNodeReader

    func read(_ node: Node) throws(PolicyError) -> RuleWeights {
        let numbers: [(String, WritableKeyPath<RuleWeights, Double>)] = [
            ("honeypot", \.honeypot), ("all_caps", \.allCaps), ("repeated_characters", \.repeatedCharacters),
            ("mostly_links", \.mostlyLinks), ("only_emoji", \.onlyEmoji), ("zalgo", \.zalgo),
            ("invisible_characters", \.invisibleCharacters), ("mixed_script", \.mixedScript),
            ("reputation_per_spam", \.reputationPerSpam), ("reputation_maximum", \.reputationMaximum), ("test_values", \.testValues),
        ]
        let entry = try reader.mapping(node, key: "rules", allowed: Set(numbers.map(\.0) + ["honeypot_field"]))
        var weights = RuleWeights()
        for (name, keyPath) in numbers {
            if let value = entry[name] { weights[keyPath: keyPath] = try reader.number(value, key: "rules.\(name)") }
        }
        if let value = entry["honeypot_field"] { weights.honeypotField = try reader.string(value, key: "rules.honeypot_field") }
        return weights
    }
}
