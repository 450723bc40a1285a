/// `form_timing:` in the policy: the signed timestamp the comment form carries and how its
/// findings weigh (reason codes `form.*`).
public struct FormTimingSettings: Sendable, Equatable {
    public var enabled: Bool
    /// The form field that carries the token.
    public var field: String
    /// A comment sent sooner than this after the form was issued is `form.too_fast`.
    public var minSeconds: Double
    /// A token older than this is `form.stale`.
    public var maxAgeHours: Double
    public var tooFastWeight: Double
    public var staleWeight: Double
    public var invalidWeight: Double
    /// Zero by default: JSON API clients and existing WordPress themes send no token, and
    /// their comments must not be punished for it.
    public var missingWeight: Double

    public init(
        enabled: Bool = true, field: String = "hakam_ts", minSeconds: Double = 3, maxAgeHours: Double = 48,
        tooFastWeight: Double = 6, staleWeight: Double = 3, invalidWeight: Double = 10, missingWeight: Double = 0
    ) {
        self.enabled = enabled
        self.field = field
        self.minSeconds = minSeconds
        self.maxAgeHours = maxAgeHours
        self.tooFastWeight = tooFastWeight
        self.staleWeight = staleWeight
        self.invalidWeight = invalidWeight
        self.missingWeight = missingWeight
    }
}
