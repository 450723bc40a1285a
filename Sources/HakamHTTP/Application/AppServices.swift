import Foundation
import HakamCore
import HakamStore
import Logging
import Synchronization

/// Everything a request handler needs, passed as one value (no singletons).
public struct AppServices: Sendable {
    public let database: AppDatabase
    public let policy: PolicyHolder
    public let protector: PrivacyProtector
    /// Issues and checks the form's timing token, its key prepared once.
    public let formTiming: FormTimingToken
    public let metrics: AppMetrics
    /// The learned spam model, refreshed in the background from the database.
    public let classifier: ClassifierHolder
    /// The public comment lists, served from memory while their post is unchanged.
    let publicLists: PublicListReader
    public let now: @Sendable () -> Date

    public init(database: AppDatabase, policy: Policy, protector: PrivacyProtector, metrics: AppMetrics = AppMetrics(), now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.policy = PolicyHolder(policy)
        self.protector = protector
        self.formTiming = FormTimingToken(keys: protector.keys)
        self.metrics = metrics
        self.classifier = ClassifierHolder(database: database)
        self.publicLists = PublicListReader(database: database, capacityBytes: policy.publicCache.memoryMegabytes << 20, metrics: metrics)
        self.now = now
    }
}

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
