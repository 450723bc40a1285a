import Yams

/// Reads `classifier:` (see `ClassifierSettings` and the comments in `Policies/default.yml`).
struct ClassifierSettingsReader {
    let reader: PolicyNodeReader

    func read(_ node: Node) throws(PolicyError) -> ClassifierSettings {
        let entry = try reader.mapping(node, key: "classifier", allowed: [
            "enabled", "min_examples_per_class", "spam_probability", "weight", "action", "alpha", "policy_weight", "familiarity",
        ])
        var settings = ClassifierSettings()
        if let value = entry["enabled"] { settings.enabled = try reader.bool(value, key: "classifier.enabled") }
        if let value = entry["min_examples_per_class"] {
            settings.minExamplesPerClass = try reader.int(value, key: "classifier.min_examples_per_class", range: 1...1_000_000)
        }
        if let value = entry["spam_probability"] {
            settings.spamProbability = try reader.number(value, key: "classifier.spam_probability")
            guard settings.spamProbability > 0.5, settings.spamProbability < 1 else {
                throw reader.error(value, "classifier.spam_probability", "must be above 0.5 and below 1")
            }
        }
        if let value = entry["weight"] { settings.weight = try reader.number(value, key: "classifier.weight") }
        if let value = entry["action"] {
            let text = try reader.string(value, key: "classifier.action")
            if text == "none" {
                settings.action = nil
            } else {
                guard let action = ModerationAction(rawValue: text), action != .approve else {
                    throw reader.error(value, "classifier.action", "must be none, hold, spam or trash")
                }
                settings.action = action
            }
        }
        if let value = entry["alpha"] {
            settings.alpha = try reader.number(value, key: "classifier.alpha")
            guard settings.alpha > 0, settings.alpha <= 10 else {
                throw reader.error(value, "classifier.alpha", "must be above 0 and at most 10")
            }
        }
        if let value = entry["policy_weight"] {
            settings.policyWeight = try reader.number(value, key: "classifier.policy_weight")
            guard settings.policyWeight >= 0, settings.policyWeight <= 10 else {
                throw reader.error(value, "classifier.policy_weight", "must be 0 to 10")
            }
        }
        if let value = entry["familiarity"] {
            settings.familiarity = try reader.number(value, key: "classifier.familiarity")
            guard settings.familiarity >= 0, settings.familiarity <= 1 else {
                throw reader.error(value, "classifier.familiarity", "must be 0 to 1")
            }
        }
        return settings
    }
}
