import Yams

/// Reads `form_timing:` (see `FormTimingSettings`), with the loader's file:line errors.
struct FormTimingSettingsReader {
    let reader: PolicyNodeReader

    func read(_ node: Node) throws(PolicyError) -> FormTimingSettings {
        let numbers: [(String, WritableKeyPath<FormTimingSettings, Double>)] = [
            ("min_seconds", \.minSeconds), ("max_age_hours", \.maxAgeHours), ("too_fast_weight", \.tooFastWeight),
            ("stale_weight", \.staleWeight), ("invalid_weight", \.invalidWeight), ("missing_weight", \.missingWeight),
        ]
        let entry = try reader.mapping(node, key: "form_timing", allowed: Set(numbers.map(\.0) + ["enabled", "field"]))
        var settings = FormTimingSettings()
        if let value = entry["enabled"] { settings.enabled = try reader.bool(value, key: "form_timing.enabled") }
        if let value = entry["field"] {
            settings.field = try reader.string(value, key: "form_timing.field")
            guard !settings.field.isEmpty, settings.field.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw reader.error(value, "form_timing.field", "must be a form field name of ASCII letters, digits, _ or -")
            }
        }
        for (name, keyPath) in numbers {
            if let value = entry[name] { settings[keyPath: keyPath] = try reader.number(value, key: "form_timing.\(name)") }
        }
        if settings.minSeconds < 0 { throw reader.error(entry["min_seconds"]!, "form_timing.min_seconds", "must not be negative") }
        if settings.maxAgeHours <= 0 { throw reader.error(entry["max_age_hours"]!, "form_timing.max_age_hours", "must be more than 0") }
        if settings.maxAgeHours * 3600 <= settings.minSeconds {
            throw reader.error(node, "form_timing", "max_age_hours must be longer than min_seconds (no token could be on time)")
        }
        return settings
    }
}
