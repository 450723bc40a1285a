import Foundation
import HakamCore
import HakamService
import HakamStore
import Logging

/// Everything a request handler needs, passed as one value (no singletons).
public struct AppServices: Sendable {
    public let database: any CommentStore
    public let policy: PolicyHolder
    public let protector: PrivacyProtector
    /// Issues and checks the form's timing token, its key prepared once.
    public let formTiming: FormTimingToken
    public let metrics: AppMetrics
    /// The learned spam model, refreshed in the background from the database.
    public let classifier: ClassifierHolder
    /// The public comment lists, served from memory while their post is unchanged.
    let publicLists: PublicListReader
    /// Header values made from the policy, once per load.
    let policyHeaders: PolicyHeaderValues
    public let now: @Sendable () -> Date

    public init(database: any CommentStore, policy: Policy, protector: PrivacyProtector, metrics: AppMetrics = AppMetrics(), now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        let holder = PolicyHolder(policy)
        self.policy = holder
        self.policyHeaders = PolicyHeaderValues(holder: holder)
        self.protector = protector
        self.formTiming = FormTimingToken(keys: protector.keys)
        self.metrics = metrics
        self.classifier = ClassifierHolder(database: database)
        self.publicLists = PublicListReader(database: database, capacityBytes: policy.publicCache.memoryMegabytes << 20, metrics: metrics)
        self.now = now
    }

    /// The submit use case over these services (the JSON API and the WordPress form share it).
    public var submissions: SubmissionService {
        SubmissionService(store: database, policy: policy, protection: CommentProtection(protector: protector),
                          classifier: classifier, formTiming: formTiming, now: now)
    }
}
