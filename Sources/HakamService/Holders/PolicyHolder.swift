import HakamCore
import Synchronization

/// The current policy, replaceable at run time (SIGHUP reload) without stopping requests.
public final class PolicyHolder: Sendable {
    private let state: Mutex<(policy: Policy, judge: Judge)>

    public init(_ policy: Policy) {
        state = Mutex((policy, Judge(policy: policy)))
    }

    public var current: Policy { state.withLock { $0.policy } }
    /// The policy and its judge from the same load (a reload between two reads cannot mix them).
    public var snapshot: (policy: Policy, judge: Judge) { state.withLock { $0 } }

    /// Swaps in a new policy; `rules` overrides the rules built from it (tests inject their own).
    public func replace(with policy: Policy, rules: [any Rule]? = nil) {
        let judge = Judge(policy: policy, rules: rules)
        state.withLock { $0 = (policy, judge) }
    }
}
