import HakamCore

/// Why a submission was not stored. Nothing was stored in any of these cases.
public enum SubmissionError: Error, Sendable {
    case validation(ValidationFailure)
    /// The policy (content, bans, duplicates, flood) refused it.
    case rejected(Rejection)
    case storageFull(retryAfterSeconds: Int)
    case storageUnavailable(retryAfterSeconds: Int)
    /// Anything unexpected; logged once by the service (its type only).
    case internalError
}
