import Foundation
import HakamCore
import Hummingbird

/// The reader-facing pages: the embeddable form (`/form`), the approved comments as HTML
/// (`/comments.html`, public and cacheable: `PublicListReader`), the demo article (`/demo`) and their static assets (`/embed.js`,
/// `/hakam.css`). Pages that carry a timing token or a pending comment are `no-store`.
struct PagesController {
    let services: AppServices

    /// Most comments one HTML page lists (the JSON API pages through the rest).
    static let pageLimit = 200

    func addRoutes(to router: Router<HakamRequestContext>) {
        router.get("/form", use: form)
        router.get("/comments.html", use: commentsHTML)
        router.get("/demo", use: demo)
        router.get("/embed.js", use: script)
        router.get("/hakam.css", use: stylesheet)
    }

    @Sendable func form(request: Request, context: HakamRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let language = Self.language(query: query["lang"].map(String.init), acceptLanguage: request.headers[.acceptLanguage])
        guard let post = Self.postKey(query["post"].map(String.init)) else {
            return APIError.badQuery.htmlResponse(language: language, backLink: "/")
        }
        return PageResponse.html(formView(post: post, language: language, redirectTo: nil).render(), language: language)
    }

    @Sendable func commentsHTML(request: Request, context: HakamRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let chosen = query["lang"].flatMap { Language(rawValue: String($0)) }
        let language = chosen ?? Language.preferred(acceptLanguage: request.headers[.acceptLanguage], default: .arabic)
        guard let post = Self.postKey(query["post"].map(String.init)),
              let paging = ListPaging(page: query["page"], perPage: query["per_page"])
        else {
            return APIError.badQuery.htmlResponse(language: language, backLink: "/")
        }
        do {
            let key = ListKey(post: post, page: paging.page, perPage: paging.perPage, format: .html, language: language)
            let list = try await services.publicLists.list(key) { pages in
                let navigation = CommentPagesNavigation(
                    language: language, post: post, page: paging.page, perPage: paging.perPage,
                    pageCount: pages.pageCount(perPage: paging.perPage))
                let view = CommentThreadView(language: language, comments: pages.page(paging.page, perPage: paging.perPage),
                                             total: pages.total, navigation: navigation.render())
                return ByteBuffer(string: view.render())
            }
            return PublicListResponse.make(list, request: request, contentType: "text/html; charset=utf-8",
                                           cacheControl: services.policyHeaders.current.publicCacheControl,
                                           language: language, variesByLanguage: chosen == nil)
        } catch {
            context.logger.error("listing failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            return APIError.storageUnavailable(retryAfterSeconds: 5).htmlResponse(language: language, backLink: "/")
        }
    }

    @Sendable func demo(request: Request, context: HakamRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let post = DemoArticle.post
        do {
            let page = try await services.database.approvedComments(post: post, page: 1, perPage: Self.pageLimit)
            let pending = try await pendingComment(
                id: query["unapproved"].map(String.init), hash: query["moderation-hash"].map(String.init), post: post)
            let view = DemoPageView(
                form: formView(post: post, language: .arabic, redirectTo: "/demo"),
                thread: CommentThreadView(language: .arabic, comments: page.comments, pending: pending),
                showsPendingNotice: pending != nil)
            return PageResponse.html(view.render(), language: .arabic)
        } catch {
            context.logger.error("demo page failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            return APIError.storageUnavailable(retryAfterSeconds: 5).htmlResponse(language: .arabic, backLink: "/demo")
        }
    }

    @Sendable func script(request: Request, context: HakamRequestContext) async throws -> Response {
        PageResponse.asset(EmbedScript.source, contentType: "text/javascript; charset=utf-8")
    }

    @Sendable func stylesheet(request: Request, context: HakamRequestContext) async throws -> Response {
        PageResponse.asset(PageStyles.source, contentType: "text/css; charset=utf-8")
    }

    private func formView(post: String, language: Language, redirectTo: String?) -> CommentFormView {
        let policy = services.policy.current
        let token = policy.formTiming.enabled
            ? services.formTiming.issue(post: post, at: services.now()) : nil
        return CommentFormView(language: language, post: post, timingToken: token, timingField: policy.formTiming.field,
                               honeypotField: policy.rules.honeypotField, redirectTo: redirectTo)
    }

    /// WordPress's rule: the author of a pending comment sees it, with the notice, when the
    /// redirect's `moderation-hash` verifies for that comment. Published comments are listed anyway.
    private func pendingComment(id: String?, hash: String?, post: String) async throws -> PublicComment? {
        guard let id = id.flatMap({ Int64($0) }), let hash, hash.count <= 64,
              let record = try await services.database.comment(id: id), record.postKey == post,
              services.protector.verifyModerationHash(hash, commentID: id, createdAt: record.createdAt)
        else { return nil }
        let comment = record.publicComment
        return comment.status == .approved ? nil : comment
    }

    static func language(query: String?, acceptLanguage: String?) -> Language {
        if let query, let language = Language(rawValue: query) { return language }
        return Language.preferred(acceptLanguage: acceptLanguage, default: .arabic)
    }

    static func postKey(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.count <= SubmissionValidator.postKeyLimit else { return nil }
        return raw
    }
}
