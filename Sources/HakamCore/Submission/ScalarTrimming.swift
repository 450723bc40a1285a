/// Trimming by Unicode scalar, without bridging to `NSString` (`trimmingCharacters(in:)` costs
/// a few microseconds per call on the submit path, where every field is trimmed).
extension StringProtocol {
    /// The text without leading and trailing scalars that match `predicate`.
    public func trimmingScalars(where predicate: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !predicate($0) }),
              let last = scalars.lastIndex(where: { !predicate($0) }) else {
            return Substring(self).prefix(0)
        }
        return Substring(scalars[first...last])
    }

    /// Trimmed of Unicode white space (the same set as Foundation's `whitespacesAndNewlines`).
    public func trimmingWhitespace() -> String {
        String(trimmingScalars(where: \.properties.isWhitespace))
    }

    /// Trimmed of spaces and tabs (the same set as Foundation's `whitespaces`: tab and the
    /// space separators), for header values.
    public func trimmingBlanks() -> String {
        String(trimmingScalars(where: { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }))
    }
}
