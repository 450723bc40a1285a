import Foundation

/// Weighs the form-timing fact the HTTP layer established (`ValidatedSubmission.formTiming`):
/// too fast is how a bot posts, a stale or invalid token is a replayed or forged form.
public struct FormTimingRule: Rule {
    public let settings: FormTimingSettings

    public init(settings: FormTimingSettings) { self.settings = settings }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard settings.enabled else { return [] }
        let field = settings.field
        switch comment.formTiming {
        case .ok:
            return []
        case .missing:
            guard settings.missingWeight != 0 else { return [] }
            return [Reason(code: "form.missing_token", weight: settings.missingWeight, field: field, detail: "no form timing token")]
        case .invalid:
            guard settings.invalidWeight != 0 else { return [] }
            return [Reason(code: "form.invalid_token", weight: settings.invalidWeight, field: field, detail: "the form timing token does not verify")]
        case .tooFast(let seconds):
            guard settings.tooFastWeight != 0 else { return [] }
            return [Reason(code: "form.too_fast", weight: settings.tooFastWeight, field: field,
                           detail: "sent \(Self.format(seconds)) s after the form was issued (minimum \(Self.format(settings.minSeconds)) s)")]
        case .stale(let hours):
            guard settings.staleWeight != 0 else { return [] }
            return [Reason(code: "form.stale", weight: settings.staleWeight, field: field,
                           detail: "the form was issued \(Self.format(hours)) h ago (maximum \(Self.format(settings.maxAgeHours)) h)")]
        }
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
