/// The number the classifier's cut-off is drawn on: the model's log odds, counted in proportion
/// to how much of the comment the model knows when that is under `fullTrustFamiliarity`
/// (`ClassifierFamiliarity`, the policy's `classifier.familiarity`), plus `policyWeight` times
/// the content score the policy's other rules gave the same comment (the sum of their reasons'
/// weights). The word lists know insults and spam the model has not learnt yet, the model knows
/// what the site's moderators taught it; on Arabic abuse sets the sum ranked comments better
/// than either (Benchmarks/RESULTS.md). The same formula serves the rule on the submit path, the
/// cut-off chooser and `hakam classifier eval`, so the measured operating point is the one the
/// site runs. A weight of 0 and a familiarity of 0 give the model alone.
public enum ClassifierScore {
    public static func combined(logOdds: Double, contentScore: Double, policyWeight: Double,
                                familiarity: Double = 1, fullTrustFamiliarity: Double = 0) -> Double {
        let trusted = trust(familiarity: familiarity, fullTrustFamiliarity: fullTrustFamiliarity)
        let model = trusted == 1 ? logOdds : trusted == 0 ? 0 : trusted * logOdds
        // 0 × anything is left out rather than added, so the model alone is exactly its log odds.
        return policyWeight == 0 || contentScore == 0 ? model : model + policyWeight * contentScore
    }

    /// The factor on the log odds: 1 at or above `fullTrustFamiliarity` (or when it is 0), else
    /// familiarity / fullTrustFamiliarity.
    public static func trust(familiarity: Double, fullTrustFamiliarity: Double) -> Double {
        guard fullTrustFamiliarity > 0, familiarity < fullTrustFamiliarity else { return 1 }
        return max(0, familiarity) / fullTrustFamiliarity
    }
}
