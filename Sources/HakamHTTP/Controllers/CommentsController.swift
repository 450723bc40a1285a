import Foundation
import HakamCore
import Hummingbird

/// `POST /comments` (JSON or form) and `GET /comments?post=KEY` (approved comments, threaded by `parent`).
struct CommentsController {
    let services: AppServices
    let rateLimiter: RateLimiter
    let bodyReader: RequestBodyReader

    func addRoutes(to router: Router<HakamRequestContext>) {
        router.post("/comments", use: create)
        router.get("/comments", use: list)
    }

    /// Response body of `GET /comments`.
    struct CommentList: Encodable {
        let post: String
        let total: Int
        let page: Int
        let perPage: Int
        let comments: [PublicComment]

        enum CodingKeys: String, CodingKey {
            case post, total, page, comments
            case perPage = "per_page"
        }
    }

    @Sendable func create(request: Request, context: HakamRequestContext) async throws -> Response {
        let language = Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
        do {
            let client = try SubmitGate(services: services, rateLimiter: rateLimiter).admit(request, context: context)
            let format = try SubmissionDecoder.format(of: request)
            let bytes = Array(buffer: try await bodyReader.read(request, context: context))
            let submission = try SubmissionDecoder.apiSubmission(from: bytes, format: format)
            let outcome = try await CommentSubmitter(services: services).submit(submission, client: client, logger: context.logger)
            return try JSONResponse.make(status: .created, outcome.comment, headers: [.location: "/comments/\(outcome.comment.id)"])
        } catch let error as APIError {
            return error.jsonResponse(language: language)
        }
    }

    @Sendable func list(request: Request, context: HakamRequestContext) async throws -> Response {
        let language = Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
        let query = request.uri.queryParameters
        guard let post = query["post"].map(String.init), !post.isEmpty, post.count <= SubmissionValidator.postKeyLimit else {
            return APIError.badQuery.jsonResponse(language: language)
        }
        let page = query["page"].map { Int(String($0)) } ?? 1
        let perPage = query["per_page"].map { Int(String($0)) } ?? 50
        guard let page, let perPage, page >= 1, page <= 1_000_000, (1...100).contains(perPage) else {
            return APIError.badQuery.jsonResponse(language: language)
        }
        do {
            let result = try await services.database.approvedComments(post: post, page: page, perPage: perPage)
            return try JSONResponse.make(status: .ok, CommentList(post: post, total: result.total, page: page, perPage: perPage, comments: result.comments))
        } catch {
            context.logger.error("listing failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            return APIError.storageUnavailable(retryAfterSeconds: 5).jsonResponse(language: language)
        }
    }
}
