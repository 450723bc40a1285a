import Yams

/// Typed access to YAML nodes that reports file, line and key on every mismatch.
struct PolicyNodeReader {
    let file: String

    func error(_ node: Node, _ key: String?, _ message: String) -> PolicyError {
        PolicyError(file: file, line: node.mark?.line, key: key, message: message)
    }

    func mapping(_ node: Node, key: String?, allowed: Set<String>) throws(PolicyError) -> [String: Node] {
        guard let mapping = node.mapping else { throw error(node, key, "must be a mapping of keys to values") }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw error(keyNode, key, "keys must be plain words") }
            let path = key.map { "\($0).\(name)" } ?? name
            guard allowed.contains(name) else {
                throw error(keyNode, path, "unknown key (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard result[name] == nil else { throw error(keyNode, path, "appears twice") }
            result[name] = value
        }
        return result
    }

    func string(_ node: Node, key: String) throws(PolicyError) -> String {
        guard let scalar = node.scalar else { throw error(node, key, "must be a single value") }
        return scalar.string
    }

    func int(_ node: Node, key: String, range: ClosedRange<Int>) throws(PolicyError) -> Int {
        guard node.scalar != nil, let value = node.int else { throw error(node, key, "must be a whole number") }
        guard range.contains(value) else { throw error(node, key, "must be between \(range.lowerBound) and \(range.upperBound)") }
        return value
    }

    func number(_ node: Node, key: String) throws(PolicyError) -> Double {
        guard node.scalar != nil, let value = node.float, value.isFinite else { throw error(node, key, "must be a number") }
        return value
    }

    func bool(_ node: Node, key: String) throws(PolicyError) -> Bool {
        guard node.scalar != nil, let value = node.bool else { throw error(node, key, "must be true or false") }
        return value
    }

    /// A list of strings, each with its node (for line numbers in later checks).
    func strings(_ node: Node, key: String) throws(PolicyError) -> [(String, Node)] {
        guard let sequence = node.sequence else { throw error(node, key, "must be a list") }
        var result: [(String, Node)] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw error(item, key, "items must be single values") }
            result.append((scalar.string, item))
        }
        return result
    }
}
