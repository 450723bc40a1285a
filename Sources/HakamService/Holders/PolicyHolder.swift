import HakamCore
import Synchronization

/// The current policy, replaceable at run time (SIGHUP reload) without stopping requests.
public final class PolicyHolder: Sendable {
    private struct State {
        var policy: Policy
        var judge: Judge
        var generation: Int
    }

    private let state: Mutex<State>

    public init(_ policy: Policy) {
        state = Mutex(State(policy: policy, judge: Judge(policy: policy), generation: 0))
    }

    public var current: Policy { state.withLock { $0.policy } }
    /// The policy and its judge from the same load (a reload between two reads cannot mix them).
    public var snapshot: (policy: Policy, judge: Judge) { state.withLock { ($0.policy, $0.judge) } }
    /// Moves with every `replace`: values made from the policy are made again when it moved.
    public var generation: Int { state.withLock { $0.generation } }

    /// What `body` makes of the current policy and its generation, without copying the whole
    /// policy (its many arrays and strings) as `current` does.
    public func read<T: Sendable>(_ body: (_ policy: Policy, _ generation: Int) -> T) -> T {
        state.withLock { body($0.policy, $0.generation) }
    }

    /// Swaps in a new policy; `rules` overrides the rules built from it (tests inject their own).
    public func replace(with policy: Policy, rules: [any Rule]? = nil) {
        let judge = Judge(policy: policy, rules: rules)
        state.withLock { $0 = State(policy: policy, judge: judge, generation: $0.generation + 1) }
    }
}
