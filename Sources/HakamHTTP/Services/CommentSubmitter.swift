import Foundation
import HakamCore
import HakamService
import Logging

/// The HTTP side of a submission, shared by the JSON API and the WordPress form: runs the
/// `SubmissionService` and turns its outcome into metrics and an `APIError`.
struct CommentSubmitter: Sendable {
    let services: AppServices

    func submit(_ submission: Submission, client: ClientFacts, logger: Logger) async throws(APIError) -> SubmissionOutcome {
        do {
            let outcome = try await services.submissions.submit(submission, client: client, logger: logger)
            services.metrics.recordSubmission(status: outcome.status.rawValue)
            return outcome
        } catch {
            let apiError = APIError(error)
            switch error {
            case .validation: services.metrics.recordRefusal(reason: "validation")
            case .rejected: services.metrics.recordRefusal(reason: apiError.code)
            case .storageFull, .storageUnavailable, .internalError: break
            }
            throw apiError
        }
    }
}

extension APIError {
    init(_ error: SubmissionError) {
        switch error {
        case .validation(let failure): self = .validation(failure)
        case .rejected(let rejection): self = .rejected(rejection)
        case .storageFull(let seconds): self = .storageFull(retryAfterSeconds: seconds)
        case .storageUnavailable(let seconds): self = .storageUnavailable(retryAfterSeconds: seconds)
        case .internalError: self = .internalError
        }
    }
}
