/// The folded scalars under construction, with the original scalar offsets each one came from,
/// written into fixed-capacity storage that will become `FoldedText`'s arrays without a copy.
///
/// Folded scalar `i` stands for the original scalars `originStarts[i] ..< originEnds[i]`. Offsets are
/// `Int32` to keep the arrays small (comments are far below 2³¹ scalars). Writing through buffer
/// pointers instead of appending to arrays saves a uniqueness check per scalar, about a third of
/// the folding time. When an expansion ("ﷺ" is 18 scalars) would overflow, `overflowed` is set and
/// the caller folds again with room for the worst case.
struct FoldBuffer {
    let scalars: UnsafeMutableBufferPointer<Unicode.Scalar>
    let originStarts: UnsafeMutableBufferPointer<Int32>
    let originEnds: UnsafeMutableBufferPointer<Int32>
    /// Number of folded scalars written.
    var count = 0
    /// Set when an append did not fit; the contents are then incomplete.
    private(set) var overflowed = false
    /// `true` where a folded letter stands for a run of three or more identical letters; filled by
    /// `RepeatCollapsePass`, empty until then (empty means "no runs").
    var collapsedRuns: [Bool] = []

    /// Appends one folded scalar that came from the original scalar at `originalOffset`.
    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar, originalOffset: Int32) {
        guard count < scalars.count else { overflowed = true; return }
        scalars[count] = scalar
        originStarts[count] = originalOffset
        originEnds[count] = originalOffset &+ 1
        count &+= 1
    }

    /// Records that the folding did not fit.
    mutating func markOverflowed() {
        overflowed = true
    }

    /// The last folded scalar, if any.
    @inline(__always)
    var last: Unicode.Scalar? {
        count > 0 ? scalars[count - 1] : nil
    }

    /// Widens the last folded scalar to also cover the dropped original scalar at `originalOffset`,
    /// when it directly follows it. Used for dropped marks and tatweel, so quoting "صديقيَ" keeps its
    /// final fatha instead of cutting a mark off its letter.
    @inline(__always)
    mutating func attachDropped(originalOffset: Int32) {
        guard count > 0, originEnds[count - 1] == originalOffset else { return }
        originEnds[count - 1] = originalOffset &+ 1
    }
}
