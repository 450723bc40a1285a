import Foundation
import HakamCore
import Hummingbird

/// `POST /comments` (JSON or form) and `GET /comments?post=KEY` (approved comments, threaded by
/// `parent`, paged by thread: `ThreadedPages`; cacheable: `PublicListReader`).
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
        /// Published comments of the article.
        let total: Int
        /// Top-level threads, the unit of paging.
        let threads: Int
        let page: Int
        let perPage: Int
        let pages: Int
        let comments: [PublicComment]

        enum CodingKeys: String, CodingKey {
            case post, total, threads, page, pages, comments
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
        guard let paging = ListPaging(page: query["page"], perPage: query["per_page"]) else {
            return APIError.badQuery.jsonResponse(language: language)
        }
        do {
            let key = ListKey(post: post, page: paging.page, perPage: paging.perPage, format: .json, language: nil)
            let list = try await services.publicLists.list(key) { pages in
                try JSONResponse.encoded(CommentList(
                    post: post, total: pages.total, threads: pages.threads.count, page: paging.page, perPage: paging.perPage,
                    pages: pages.pageCount(perPage: paging.perPage), comments: pages.page(paging.page, perPage: paging.perPage)))
            }
            return PublicListResponse.make(list, request: request, contentType: "application/json; charset=utf-8",
                                           cacheControl: services.policyHeaders.current.publicCacheControl)
        } catch {
            context.logger.error("listing failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            return APIError.storageUnavailable(retryAfterSeconds: 5).jsonResponse(language: language)
        }
    }
}
