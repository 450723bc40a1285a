import Foundation
import HakamCore
import Hummingbird

/// `POST /wp-comments-post.php`: WordPress's comment form, so an existing theme's form works
/// unchanged. Success is a 303 back to the article; errors are a small HTML page.
struct WordPressController {
    let services: AppServices
    let rateLimiter: RateLimiter
    let bodyReader: RequestBodyReader

    func addRoutes(to router: Router<HakamRequestContext>) {
        router.post("/wp-comments-post.php", use: create)
    }

    @Sendable func create(request: Request, context: HakamRequestContext) async throws -> Response {
        let language = Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
        let target = RedirectTarget(allowedOrigins: services.policy.current.allowedOrigins)
        let referer = request.headers[.referer]
        let backLink = referer.flatMap { target.isSafe($0) ? $0 : nil } ?? "/"
        do {
            let client = try SubmitGate(services: services, rateLimiter: rateLimiter).admit(request, context: context)
            guard try SubmissionDecoder.format(of: request) == .form else { throw APIError.unsupportedMediaType }
            let bytes = Array(buffer: try await bodyReader.read(request, context: context))
            let (submission, redirectTo) = try SubmissionDecoder.wordPressSubmission(from: bytes)
            let outcome = try await CommentSubmitter(services: services).submit(submission, client: client, logger: context.logger)
            let base = target.base(redirectTo: redirectTo, referer: referer)
            let pendingHash = outcome.status == .approved ? nil : outcome.moderationHash
            let location = target.location(base: base, commentID: outcome.comment.id, pendingHash: pendingHash)
            return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        } catch let error as APIError {
            return error.htmlResponse(language: language, backLink: backLink)
        }
    }
}
