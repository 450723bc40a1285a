/// What folding does to one scalar, before any context-dependent step.
enum ScalarFold: Equatable, Sendable {
    /// The scalar is already in matching form.
    case keep
    /// Dropped, but it belongs to the letter before it (harakat, other combining marks, tatweel,
    /// ZWJ/ZWNJ): a quote of that letter includes it.
    case dropAttached
    /// Dropped and belongs to nothing (bidi controls, ZWSP, BOM, control characters).
    case dropStandalone
    /// Replaced by one or more scalars (possibly the decomposition of a ligature such as "ﷲ").
    case replace([Unicode.Scalar])
}
