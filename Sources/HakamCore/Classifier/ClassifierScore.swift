/// The number the classifier's cut-off is drawn on: the model's log odds plus `policyWeight`
/// times the content score the policy's other rules gave the same comment (the sum of their
/// reasons' weights). The word lists know insults and spam the model has not learnt yet, the
/// model knows what the site's moderators taught it; on Arabic abuse sets the sum ranked
/// comments better than either (Benchmarks/RESULTS.md). The same formula serves the rule on the
/// submit path, the cut-off chooser and `hakam classifier eval`, so the measured operating point
/// is the one the site runs. A weight of 0 is the model alone.
public enum ClassifierScore {
    public static func combined(logOdds: Double, contentScore: Double, policyWeight: Double) -> Double {
        // 0 × anything is left out rather than added, so the model alone is exactly its log odds.
        policyWeight == 0 || contentScore == 0 ? logOdds : logOdds + policyWeight * contentScore
    }
}
