import HakamCore

/// Every way a request can fail that a client should understand. Mapped to a status code and
/// a localized message in one place (`APIError+Response.swift`).
public enum APIError: Error, Sendable, Equatable {
    case validation(ValidationFailure)
    case malformedBody
    /// A JSON body that names one member twice.
    case duplicateKey
    /// The path exists but not with this method; `allowed` is what the `Allow` header lists.
    case methodNotAllowed(allowed: [String])
    case invalidUTF8
    case bodyTooLarge
    case unsupportedMediaType
    case rejected(Rejection)
    case rateLimited(retryAfterSeconds: Int)
    case storageUnavailable(retryAfterSeconds: Int)
    /// The disk holding the database is full (SQLITE_FULL / ENOSPC): also 503, with its own code
    /// so operators see it in metrics and clients in the body.
    case storageFull(retryAfterSeconds: Int)
    /// The body did not arrive within the read deadline (slow or stalled client).
    case requestTimeout
    case badQuery
    case notFound
    case internalError

    /// Stable machine-readable code, the `error` field of the JSON body.
    public var code: String {
        switch self {
        case .validation: "validation_failed"
        case .malformedBody: "malformed_body"
        case .duplicateKey: "duplicate_key"
        case .methodNotAllowed: "method_not_allowed"
        case .invalidUTF8: "invalid_utf8"
        case .bodyTooLarge: "body_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .rejected(.duplicate): "duplicate"
        case .rejected(.tooFast): "too_fast"
        case .rejected(.closed): "comments_closed"
        case .rejected(.banned): "banned"
        case .rateLimited: "rate_limited"
        case .storageUnavailable: "storage_unavailable"
        case .storageFull: "storage_full"
        case .requestTimeout: "request_timeout"
        case .badQuery: "bad_query"
        case .notFound: "not_found"
        case .internalError: "internal_error"
        }
    }

    public var statusCode: Int {
        switch self {
        case .validation: 422
        case .malformedBody, .duplicateKey, .invalidUTF8, .badQuery: 400
        case .methodNotAllowed: 405
        case .bodyTooLarge: 413
        case .unsupportedMediaType: 415
        case .rejected(.duplicate): 409
        case .rejected(.tooFast), .rateLimited: 429
        case .rejected(.closed), .rejected(.banned): 403
        case .storageUnavailable, .storageFull: 503
        case .requestTimeout: 408
        case .notFound: 404
        case .internalError: 500
        }
    }

    public var retryAfterSeconds: Int? {
        switch self {
        case .rejected(.tooFast(let seconds)), .rateLimited(let seconds), .storageUnavailable(let seconds), .storageFull(let seconds): seconds
        default: nil
        }
    }

    public func message(_ messages: Messages) -> String {
        switch self {
        case .validation: messages.validationFailed
        case .malformedBody: messages.malformedBody
        case .duplicateKey: messages.duplicateKey
        case .methodNotAllowed(let allowed): messages.methodNotAllowed(allowed: allowed)
        case .invalidUTF8: messages.invalidUTF8
        case .bodyTooLarge: messages.bodyTooLarge(limitKiB: RequestBodyReader.maximumBytes / 1024)
        case .unsupportedMediaType: messages.unsupportedMediaType
        case .rejected(.duplicate): messages.duplicate
        case .rejected(.tooFast(let seconds)), .rateLimited(let seconds): messages.tooFast(seconds: seconds)
        case .rejected(.closed): messages.closed
        case .rejected(.banned): messages.banned
        case .storageUnavailable: messages.storageUnavailable
        case .storageFull: messages.storageFull
        case .requestTimeout: messages.requestTimeout
        case .badQuery: messages.badQuery
        case .notFound: messages.notFound
        case .internalError: messages.internalError
        }
    }
}
