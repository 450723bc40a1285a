/// A multi-pattern string matcher (Aho–Corasick) over folded scalars, stored in flat arrays.
///
/// Scanning costs one alphabet lookup and (nearly always) one table read per scalar, however many
/// keys there are:
/// - states are numbered breadth first, and the shallowest ones — where a scan spends almost all its
///   time, since text only rarely follows a key for more than a few letters — get a dense row of
///   complete transitions (`denseNext`, failure links already resolved), as many as fit in
///   `denseBudget` entries; small automata are dense throughout;
/// - deeper states keep their children as a sorted slice of `edgeSymbols`/`edgeTargets`
///   (compressed sparse rows) and fall back along failure links, which always lead to a shallower,
///   eventually dense, state;
/// - every transition carries a flag bit (`reportFlag`) saying whether its target has keys to
///   report, and report links chain those states, so reporting costs only actual occurrences.
/// Keys are numbered by their position in the `keys` array given to `init`.
struct AhoCorasickAutomaton: Sendable {
    /// The most dense-row entries (4 bytes each) one automaton may use: 1 MB, so the rows stay in
    /// the L2 cache while scanning.
    static let denseBudget = 1 << 18

    /// Set on a transition whose target state has keys to report (itself or down its failure chain).
    private static let reportFlag: UInt32 = 1 << 31

    private let alphabet: AutomatonAlphabet
    private let alphabetSize: Int
    /// States `0 ..< denseStates` have rows in `denseNext`: `denseNext[state * alphabetSize + symbol]`.
    /// Transitions (here and in `edgeTargets`) are target states, with `reportFlag` added.
    private let denseStates: Int
    private let denseNext: [UInt32]
    private let edgeStart: [Int32]
    private let edgeSymbols: [UInt16]
    private let edgeTargets: [UInt32]
    private let fail: [Int32]
    /// The first state on the failure chain (the state itself included) where a key ends, or -1.
    private let firstReport: [Int32]
    /// The next state after this one on the failure chain where a key ends, or -1.
    private let nextReport: [Int32]
    private let outputStart: [Int32]
    private let outputKeys: [Int32]

    /// Number of states, for tests and diagnostics.
    var stateCount: Int { fail.count }
    /// Number of states with a dense row, for tests and diagnostics.
    var denseStateCount: Int { denseStates }

    init(keys: [[Unicode.Scalar]], denseBudget: Int = Self.denseBudget) {
        let trie = KeywordTrie(keys: keys)
        let states = trie.stateCount
        let alphabetSize = trie.alphabet.size
        let denseStates = min(states, max(1, denseBudget / alphabetSize))
        let (edgeStart, edgeSymbols, outputStart) = (trie.edgeStart, trie.edgeSymbols, trie.outputStart)

        var denseNext = [UInt32](repeating: 0, count: denseStates * alphabetSize)
        var edgeTargets = trie.edgeTargets.map { UInt32($0) }
        var fail = [Int32](repeating: 0, count: states)
        var firstReport = [Int32](repeating: -1, count: states)
        var nextReport = [Int32](repeating: -1, count: states)

        // States are numbered breadth first, so a state's failure target (always shallower) and
        // everything on its failure chain are finished before the state itself.
        for state in 0 ..< states {
            let edges = Int(edgeStart[state]) ..< Int(edgeStart[state + 1])
            if state > 0 { nextReport[state] = firstReport[Int(fail[state])] }
            firstReport[state] = outputStart[state] != outputStart[state + 1] ? Int32(state) : nextReport[state]
            if state < denseStates {
                let row = state * alphabetSize
                if state > 0 {
                    // Missing transitions go where the failure state's transitions go.
                    let failRow = Int(fail[state]) * alphabetSize
                    for symbol in 0 ..< alphabetSize { denseNext[row + symbol] = denseNext[failRow + symbol] }
                }
                for edge in edges { denseNext[row + Int(edgeSymbols[edge])] = edgeTargets[edge] }
                denseNext[row] = 0  // symbol 0 (in no key) always returns to the root
            }
            for edge in edges {
                // A child of the root fails to the root; any other child to where its parent's
                // failure state goes on the same symbol.
                fail[Int(edgeTargets[edge])] = state == 0 ? 0 : Int32(Self.next(
                    from: Int(fail[state]), symbol: edgeSymbols[edge], alphabetSize: alphabetSize,
                    denseStates: denseStates, denseNext: denseNext, edgeStart: edgeStart,
                    edgeSymbols: edgeSymbols, edgeTargets: edgeTargets, fail: fail
                ))
            }
        }
        // Report flags last: a transition's target can come after the state that holds it.
        for index in denseNext.indices where firstReport[Int(denseNext[index])] >= 0 {
            denseNext[index] |= Self.reportFlag
        }
        for index in edgeTargets.indices where firstReport[Int(edgeTargets[index])] >= 0 {
            edgeTargets[index] |= Self.reportFlag
        }

        self.alphabet = trie.alphabet
        self.alphabetSize = alphabetSize
        self.denseStates = denseStates
        self.denseNext = denseNext
        self.edgeStart = edgeStart
        self.edgeSymbols = edgeSymbols
        self.edgeTargets = edgeTargets
        self.fail = fail
        self.firstReport = firstReport
        self.nextReport = nextReport
        self.outputStart = outputStart
        self.outputKeys = trie.outputKeys
    }

    /// One occurrence of a key: which key, and the exclusive end offset in the scanned text.
    struct Occurrence: Equatable {
        let key: Int32
        let end: Int32
    }

    /// Appends every occurrence of every key in `scalars` to `occurrences`, in order of end offset;
    /// overlapping occurrences are all reported.
    func collectOccurrences(in scalars: [Unicode.Scalar], into occurrences: inout [Occurrence]) {
        // The loop runs once per scalar of every comment: unchecked reads and locals (no property
        // access, so no retain/release per scalar) are worth it here. Every index is in range by
        // construction (symbols < alphabetSize, states < stateCount).
        let (alphabetSize, denseStates, high) = (alphabetSize, denseStates, alphabet.high)
        let (edgeStart, edgeSymbols, edgeTargets, fail) = (edgeStart, edgeSymbols, edgeTargets, fail)
        alphabet.low.withUnsafeBufferPointer { low in
            denseNext.withUnsafeBufferPointer { denseNext in
                scalars.withUnsafeBufferPointer { scalars in
                    var state = 0
                    for index in 0 ..< scalars.count {
                        let value = scalars[index].value
                        let symbol = value < 0x800 ? low[Int(value)] : high[value, default: 0]
                        guard symbol != 0 else { state = 0; continue }
                        let transition = state < denseStates
                            ? denseNext[state &* alphabetSize &+ Int(symbol)]
                            : Self.next(
                                from: state, symbol: symbol, alphabetSize: alphabetSize, denseStates: denseStates,
                                denseNext: denseNext, edgeStart: edgeStart, edgeSymbols: edgeSymbols,
                                edgeTargets: edgeTargets, fail: fail
                            )
                        state = Int(transition & ~Self.reportFlag)
                        if transition & Self.reportFlag != 0 {
                            report(from: state, end: Int32(index + 1), into: &occurrences)
                        }
                    }
                }
            }
        }
    }

    /// Reports every key that ends at `state` or down its failure chain.
    private func report(from state: Int, end: Int32, into occurrences: inout [Occurrence]) {
        var report = firstReport[state]
        while report >= 0 {
            for output in Int(outputStart[Int(report)]) ..< Int(outputStart[Int(report) + 1]) {
                occurrences.append(Occurrence(key: outputKeys[output], end: end))
            }
            report = nextReport[Int(report)]
        }
    }

    /// The transition (target state, possibly with `reportFlag`) from `state` on `symbol`. Static and
    /// taking the tables as arguments, so the builder can use it on tables it is still filling.
    @inline(__always)
    private static func next<DenseRows: RandomAccessCollection<UInt32>>(
        from state: Int, symbol: UInt16, alphabetSize: Int, denseStates: Int, denseNext: DenseRows,
        edgeStart: [Int32], edgeSymbols: [UInt16], edgeTargets: [UInt32], fail: [Int32]
    ) -> UInt32 where DenseRows.Index == Int {
        var current = state
        while current >= denseStates {
            var low = Int(edgeStart[current])
            var high = Int(edgeStart[current + 1])
            // Deep states have few children: a linear scan beats bisection there.
            if high - low <= 8 {
                while low < high {
                    if edgeSymbols[low] == symbol { return edgeTargets[low] }
                    low += 1
                }
            } else {
                while low < high {
                    let middle = (low + high) / 2
                    let found = edgeSymbols[middle]
                    if found == symbol { return edgeTargets[middle] }
                    if found < symbol { low = middle + 1 } else { high = middle }
                }
            }
            current = Int(fail[current])
        }
        return denseNext[denseNext.startIndex + current * alphabetSize + Int(symbol)]
    }
}
