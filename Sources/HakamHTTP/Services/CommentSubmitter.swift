import Foundation
import GRDB
import HakamCore
import HakamStore
import Logging

/// The submit pipeline shared by the JSON API and the WordPress form:
/// validate → protect private data → judge content → store with history checks (one transaction).
struct CommentSubmitter: Sendable {
    let services: AppServices

    struct Outcome: Sendable {
        let comment: PublicComment
        let status: CommentStatus
        let moderationHash: String
    }

    func submit(_ submission: Submission, client: ClientFacts, logger: Logger) async throws(APIError) -> Outcome {
        let (policy, judge) = services.policy.snapshot
        var submission = submission
        if policy.formTiming.enabled {
            submission.formTiming = services.formTiming.check(
                submission.extraFields[policy.formTiming.field], post: submission.post, now: services.now(), settings: policy.formTiming)
        }
        let validated: ValidatedSubmission
        do {
            validated = try SubmissionValidator(limits: policy.limits).validate(submission)
        } catch {
            services.metrics.recordRefusal(reason: "validation")
            throw .validation(error)
        }
        let contentReasons: [Reason]
        do {
            let classifier = policy.classifier.enabled ? services.classifier.current(alpha: policy.classifier.alpha) : nil
            contentReasons = try judge.assess(validated, classifier: classifier)
        } catch {
            services.metrics.recordRefusal(reason: APIError.rejected(error).code)
            throw .rejected(error)
        }

        // Milliseconds, as the database keeps it: the moderation hash below must match the one
        // recomputed later from the stored time (a time rounded up to the next second would not).
        let now = Date(timeIntervalSince1970: (services.now().timeIntervalSince1970 * 1000).rounded() / 1000)
        let protector = services.protector
        var newComment = NewComment(
            postKey: validated.postKey, parentID: validated.parentID, name: validated.name, url: validated.url,
            body: validated.body, emailHash: protector.emailHash(validated.email), emailSealed: protector.seal(validated.email),
            ipHash: client.ip.map(protector.ipHash), userAgent: client.userAgent.map { String($0.prefix(512)) },
            bodyDigest: BodyDigest.exact(validated.body), createdAt: now)
        newComment.emailDomain = validated.email.asciiDomain
        newComment.foldedDigest = BodyDigest.folded(validated.body)
        newComment.postBurstCountLimit = policy.flood.enabled ? max(0, policy.flood.postBurstPerMinute) : 0

        do {
            let (record, verdict) = try await services.database.submit(newComment) { history in
                try judge.decide(contentReasons: contentReasons, history: history, now: now)
            }
            services.metrics.recordSubmission(status: verdict.status.rawValue)
            let id = record.id ?? 0
            logger.info("comment stored", metadata: [
                "comment_id": .stringConvertible(id), "status": .string(verdict.status.rawValue),
                "score": .stringConvertible(verdict.score), "reasons": .string(verdict.reasons.map(\.code).joined(separator: ",")),
            ])
            return Outcome(comment: record.publicComment, status: verdict.status,
                           moderationHash: protector.moderationHash(commentID: id, createdAt: now))
        } catch let rejection as Rejection {
            services.metrics.recordRefusal(reason: APIError.rejected(rejection).code)
            throw .rejected(rejection)
        } catch StoreError.parentNotFound {
            services.metrics.recordRefusal(reason: "validation")
            throw .validation(ValidationFailure(fields: [.parent: .parentNotFound]))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            // ENOSPC: SQLite rolled the transaction back; nothing was stored and the client may retry.
            logger.error("storage full: the disk holding the database has no space left")
            throw .storageFull(retryAfterSeconds: 60)
        } catch let error as DatabaseError where Self.isUnavailable(error) {
            logger.error("storage unavailable", metadata: ["sqlite_code": .stringConvertible(error.resultCode.rawValue)])
            throw .storageUnavailable(retryAfterSeconds: 5)
        } catch {
            // Only the error's type: database messages may quote values.
            logger.error("submission failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            throw .internalError
        }
    }

    /// Busy/locked (another process holds the write lock past the busy timeout), disk full,
    /// read-only or I/O errors: transient conditions a client should retry.
    static func isUnavailable(_ error: DatabaseError) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PROTOCOL]
            .contains(error.resultCode)
    }
}
