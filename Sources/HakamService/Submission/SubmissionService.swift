import Foundation
import HakamCore
import HakamStore
import Logging

/// The submit use case, whatever the transport: decode (the caller) → validate → judge the
/// content → protect private data → store, reading the history inside the store's write and
/// letting the judge decide on it → verdict.
public struct SubmissionService: Sendable {
    public let store: any CommentStore
    public let policy: PolicyHolder
    public let protection: CommentProtection
    public let classifier: ClassifierHolder
    public let formTiming: FormTimingToken
    public let now: @Sendable () -> Date

    public init(
        store: any CommentStore, policy: PolicyHolder, protection: CommentProtection, classifier: ClassifierHolder,
        formTiming: FormTimingToken, now: @escaping @Sendable () -> Date
    ) {
        self.store = store
        self.policy = policy
        self.protection = protection
        self.classifier = classifier
        self.formTiming = formTiming
        self.now = now
    }

    public func submit(_ submission: Submission, client: ClientFacts, logger: Logger) async throws(SubmissionError) -> SubmissionOutcome {
        let (policy, judge) = self.policy.snapshot
        var submission = submission
        if policy.formTiming.enabled {
            submission.formTiming = formTiming.check(
                submission.extraFields[policy.formTiming.field], post: submission.post, now: now(), settings: policy.formTiming)
        }
        let validated: ValidatedSubmission
        do {
            validated = try SubmissionValidator(limits: policy.limits).validate(submission)
        } catch {
            throw .validation(error)
        }
        let contentReasons: [Reason]
        do {
            let settings = policy.classifier
            let model = settings.enabled
                ? classifier.current(alpha: settings.alpha, policyWeight: settings.policyWeight, familiarity: settings.familiarity) : nil
            contentReasons = try judge.assess(validated, classifier: model)
        } catch {
            throw .rejected(error)
        }

        // Milliseconds, as the database keeps it: the moderation hash below must match the one
        // recomputed later from the stored time (a time rounded up to the next second would not).
        let now = Date(timeIntervalSince1970: (now().timeIntervalSince1970 * 1000).rounded() / 1000)
        let newComment = protection.protect(
            validated, client: client, at: now,
            postBurstCountLimit: policy.flood.enabled ? max(0, policy.flood.postBurstPerMinute) : 0,
            floodWindow: policy.flood.enabled ? max(0, policy.flood.minIntervalSeconds) : 0)

        do {
            let (record, verdict) = try await store.submit(newComment) { history in
                try judge.decide(contentReasons: contentReasons, history: history, now: now)
            }
            let id = record.id ?? 0
            logger.info("comment stored", metadata: [
                "comment_id": .stringConvertible(id), "status": .string(verdict.status.rawValue),
                "score": .stringConvertible(verdict.score), "reasons": .string(verdict.reasons.map(\.code).joined(separator: ",")),
                "policy_version": .string(String(verdict.policyVersion.prefix(12))),
            ])
            return SubmissionOutcome(comment: record.publicComment, verdict: verdict,
                                     moderationHash: protection.protector.moderationHash(commentID: id, createdAt: now))
        } catch let rejection as Rejection {
            throw .rejected(rejection)
        } catch StoreError.parentNotFound {
            throw .validation(ValidationFailure(fields: [.parent: .parentNotFound]))
        } catch StoreError.full {
            // Nothing was stored and the client may retry.
            logger.error("storage full: the disk holding the database has no space left")
            throw .storageFull(retryAfterSeconds: 60)
        } catch StoreError.unavailable(let seconds) {
            logger.error("storage unavailable")
            throw .storageUnavailable(retryAfterSeconds: seconds)
        } catch {
            // Only the error's type: database messages may quote values.
            logger.error("submission failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            throw .internalError
        }
    }
}
