/// The trie of a set of keys, numbered breadth first, with children and outputs as compressed
/// sparse rows: the skeleton `AhoCorasickAutomaton` adds failure links and dense rows to.
struct KeywordTrie {
    let alphabet: AutomatonAlphabet
    let stateCount: Int
    /// Children of state `s`: `edgeSymbols[edgeStart[s] ..< edgeStart[s + 1]]` (sorted) and the
    /// matching `edgeTargets`.
    let edgeStart: [Int32]
    let edgeSymbols: [UInt16]
    let edgeTargets: [Int32]
    /// Keys ending at state `s`: `outputKeys[outputStart[s] ..< outputStart[s + 1]]`.
    let outputStart: [Int32]
    let outputKeys: [Int32]

    init(keys: [[Unicode.Scalar]]) {
        var alphabet = AutomatonAlphabet()
        // Insert into one dictionary keyed by (state, symbol): far fewer allocations than a
        // dictionary per node, and it is only needed until the flat arrays exist.
        var children: [UInt64: Int32] = [:]
        var stateCount: Int32 = 1
        var ends: [(state: Int32, key: Int32)] = []
        for (keyIndex, key) in keys.enumerated() where !key.isEmpty {
            var state: Int32 = 0
            for scalar in key {
                let slot = UInt64(UInt32(state)) << 16 | UInt64(alphabet.insert(scalar))
                if let next = children[slot] {
                    state = next
                } else {
                    children[slot] = stateCount
                    state = stateCount
                    stateCount += 1
                }
            }
            ends.append((state, Int32(keyIndex)))
        }
        let states = Int(stateCount)

        // Renumber breadth first: walk the insertion-numbered edges level by level.
        let insertionEdges = children
            .map { (parent: Int32($0.key >> 16), symbol: UInt16($0.key & 0xFFFF), child: $0.value) }
            .sorted { ($0.parent, $0.symbol) < ($1.parent, $1.symbol) }
        var insertionStart = [Int](repeating: 0, count: states + 1)
        for edge in insertionEdges { insertionStart[Int(edge.parent) + 1] += 1 }
        for state in 0 ..< states { insertionStart[state + 1] += insertionStart[state] }
        var order: [Int32] = [0]
        order.reserveCapacity(states)
        var head = 0
        while head < order.count {
            let state = Int(order[head])
            head += 1
            for edge in insertionStart[state] ..< insertionStart[state + 1] { order.append(insertionEdges[edge].child) }
        }
        var renumbered = [Int32](repeating: 0, count: states)
        for (newState, oldState) in order.enumerated() { renumbered[Int(oldState)] = Int32(newState) }

        // Children in the new numbering. Parents are visited in breadth-first order and each one's
        // children were sorted by symbol, so the rows come out sorted.
        var edgeStart = [Int32](repeating: 0, count: states + 1)
        var edgeSymbols: [UInt16] = []
        var edgeTargets: [Int32] = []
        edgeSymbols.reserveCapacity(insertionEdges.count)
        edgeTargets.reserveCapacity(insertionEdges.count)
        for (newState, oldState) in order.enumerated() {
            for edge in insertionStart[Int(oldState)] ..< insertionStart[Int(oldState) + 1] {
                edgeSymbols.append(insertionEdges[edge].symbol)
                edgeTargets.append(renumbered[Int(insertionEdges[edge].child)])
            }
            edgeStart[newState + 1] = Int32(edgeSymbols.count)
        }

        let sortedEnds = ends
            .map { (state: renumbered[Int($0.state)], key: $0.key) }
            .sorted { ($0.state, $0.key) < ($1.state, $1.key) }
        var outputStart = [Int32](repeating: 0, count: states + 1)
        for end in sortedEnds { outputStart[Int(end.state) + 1] += 1 }
        for state in 0 ..< states { outputStart[state + 1] += outputStart[state] }

        self.alphabet = alphabet
        self.stateCount = states
        self.edgeStart = edgeStart
        self.edgeSymbols = edgeSymbols
        self.edgeTargets = edgeTargets
        self.outputStart = outputStart
        self.outputKeys = sortedEnds.map(\.key)
    }
}
