import Foundation

/// Turns a comment into a verdict in two steps: `assess` runs the content rules (pure, outside
/// any transaction), `decide` adds what history says (flood, duplicate, reputation,
/// moderation mode) and must run where the history is consistent — inside the write.
public struct Judge: Sendable {
    public let policy: Policy
    public let rules: [any Rule]
    /// The learned model's rule; it needs the current model, so `assess` takes it as an argument.
    public let classifierRule: ClassifierRule

    public init(policy: Policy, rules: [any Rule]? = nil) {
        self.policy = policy
        self.rules = rules ?? Self.rules(for: policy)
        self.classifierRule = ClassifierRule(settings: policy.classifier)
    }

    /// The content rules a policy asks for; the word-list automaton is built here, once per load.
    public static func rules(for policy: Policy) -> [any Rule] {
        let weights = policy.rules
        return [
            TestValuesRule(weight: weights.testValues),
            HoneypotRule(field: weights.honeypotField, weight: weights.honeypot),
            LinkCountRule(holdAt: policy.links.holdAt, mostlyLinksWeight: weights.mostlyLinks),
            WordListRule(lists: policy.wordLists),
            DomainListRule(lists: policy.domainLists),
            BodyShapeRule(weights: weights),
            InvisibleCharacterRule(weight: weights.invisibleCharacters),
            MixedScriptRule(weight: weights.mixedScript),
            FormTimingRule(settings: policy.formTiming),
        ]
    }

    /// Content reasons, independent of the database. `classifier` is the current learned model
    /// (nil: none loaded yet, which gives no opinion).
    public func assess(_ comment: ValidatedSubmission, classifier: ClassifierSnapshot? = nil) throws(Rejection) -> [Reason] {
        if policy.closedPosts.contains(comment.postKey) { throw .closed }
        let reasons = contentReasons(comment)
        return reasons + classifierRule.evaluate(comment, snapshot: classifier, contentScore: Self.score(reasons))
    }

    /// What the content rules other than the classifier say about a comment.
    public func contentReasons(_ comment: ValidatedSubmission) -> [Reason] {
        rules.flatMap { $0.evaluate(comment) }
    }

    /// The classifier's decision on a comment, with the content score it was given (nil
    /// without a model ready to speak): what `assess` decided, for `hakam policy test`.
    public func classifierDecision(_ comment: ValidatedSubmission, classifier: ClassifierSnapshot?) -> ClassifierDecision? {
        classifierRule.decision(ClassifierInput(comment), snapshot: classifier, contentScore: Self.score(contentReasons(comment)))
    }

    /// The content score the classifier adds (× `classifier.policy_weight`) to its log odds.
    public static func score(_ reasons: [Reason]) -> Double {
        reasons.reduce(0) { $0 + $1.weight }
    }

    /// The final verdict, or a rejection when the history forbids storing the comment.
    public func decide(contentReasons: [Reason], history: AuthorHistory, now: Date) throws(Rejection) -> Verdict {
        if history.isBanned { throw .banned }
        if policy.duplicates.enabled, history.hasDuplicate { throw .duplicate }
        if policy.flood.enabled, let last = history.lastCommentAt {
            let elapsed = now.timeIntervalSince(last)
            if elapsed < policy.flood.minIntervalSeconds {
                throw .tooFast(retryAfterSeconds: max(1, Int((policy.flood.minIntervalSeconds - elapsed).rounded(.up))))
            }
        }
        var reasons = contentReasons
        let weights = policy.rules
        if history.spamCount > 0, weights.reputationPerSpam != 0 {
            let weight = min(weights.reputationMaximum, Double(history.spamCount) * weights.reputationPerSpam)
            reasons.append(Reason(code: "author.spam_history", weight: weight, detail: "\(history.spamCount) earlier comments marked spam"))
        }
        if policy.duplicates.enabled, history.crossPostCopies > 0, policy.duplicates.crossPostWeight != 0 {
            reasons.append(Reason(code: "duplicate.cross_post", weight: policy.duplicates.crossPostWeight,
                                  detail: "the same text was posted on \(history.crossPostCopies) other article(s) in the last 24 hours"))
        }
        if policy.flood.enabled, policy.flood.postBurstPerMinute > 0, history.recentOnPost >= policy.flood.postBurstPerMinute {
            reasons.append(Reason(code: "flood.post_burst", minimumAction: .hold,
                                  detail: "\(history.recentOnPost) or more comments on this article in the last minute"))
        }
        let score = reasons.reduce(0) { $0 + $1.weight }
        var action = action(forScore: score)
        for reason in reasons { if let floor = reason.minimumAction, floor > action { action = floor } }
        if action == .approve {
            switch policy.moderation {
            case .all:
                reasons.append(Reason(code: "moderation.all", minimumAction: .hold, detail: "every comment is moderated"))
                action = .hold
            case .firstTime where history.approvedCount == 0:
                reasons.append(Reason(code: "moderation.first_time", minimumAction: .hold, detail: "author has no approved comment yet"))
                action = .hold
            case .firstTime, .none:
                break
            }
        }
        return Verdict(action: action, score: score, reasons: reasons, policyVersion: policy.version)
    }

    func action(forScore score: Double) -> ModerationAction {
        let t = policy.thresholds
        if score >= t.trash { return .trash }
        if score >= t.spam { return .spam }
        if score >= t.hold { return .hold }
        return .approve
    }
}
