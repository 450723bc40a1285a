import Foundation
import HakamCore
import HakamStore
import Hummingbird

/// `GET /moderate/{token}` shows what a signed action link will do; only `POST` to the same
/// address acts (mail scanners and link previews follow GETs). Every answer is `no-store`.
struct ActionLinkController {
    let services: AppServices
    let signer: ActionLinkSigner

    init(services: AppServices) {
        self.services = services
        self.signer = ActionLinkSigner(keys: services.protector.keys)
    }

    func addRoutes(to router: Router<HakamRequestContext>) {
        router.get("/moderate/:token", use: show)
        router.post("/moderate/:token", use: act)
    }

    @Sendable func show(request: Request, context: HakamRequestContext) async throws -> Response {
        let page = ActionLinkPage(language: language(request))
        guard case .valid(let link) = check(context) else { return refusal(page, check(context)) }
        do {
            if try await services.database.isActionLinkUsed(nonce: link.nonce) { return Self.html(page.refusal(.used), status: .gone) }
            guard let detail = try await services.database.commentDetail(id: link.commentID, now: services.now()) else {
                return Self.html(page.refusal(.missing), status: .notFound)
            }
            return Self.html(page.confirmation(comment: detail.comment, link: link), status: .ok)
        } catch {
            context.logger.error("action link page failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            return Self.html(page.refusal(.unavailable), status: .serviceUnavailable)
        }
    }

    @Sendable func act(request: Request, context: HakamRequestContext) async throws -> Response {
        let page = ActionLinkPage(language: language(request))
        guard case .valid(let link) = check(context) else { return refusal(page, check(context)) }
        do {
            let outcome = try await services.database.useActionLink(
                nonce: link.nonce, commentID: link.commentID, action: link.action, moderator: link.moderator, now: services.now())
            context.logger.notice("action link used", metadata: [
                "comment": .stringConvertible(link.commentID), "action": .string(link.action.rawValue), "moderator": .string(link.moderator),
            ])
            return Self.html(page.done(outcome: outcome, link: link), status: .ok)
        } catch ActionLinkError.alreadyUsed {
            return Self.html(page.refusal(.used), status: .gone)
        } catch let error as ModerationError {
            if case .commentNotFound = error { return Self.html(page.refusal(.missing), status: .notFound) }
            return Self.html(page.refusal(.conflict(error.description)), status: .conflict)
        } catch {
            context.logger.error("action link failed", metadata: ["error_type": .string(String(describing: type(of: error)))])
            return Self.html(page.refusal(.unavailable), status: .serviceUnavailable)
        }
    }

    private func check(_ context: HakamRequestContext) -> ActionLinkToken.Check {
        guard let token = context.parameters.get("token") else { return .forged }
        return signer.check(token, now: services.now())
    }

    private func refusal(_ page: ActionLinkPage, _ check: ActionLinkToken.Check) -> Response {
        switch check {
        case .expired: Self.html(page.refusal(.expired), status: .gone)
        default: Self.html(page.refusal(.forged), status: .forbidden)
        }
    }

    /// `?lang=` (the form keeps it), else the notifications' language: the page continues the
    /// message the moderator read, whatever the browser's own preference.
    private func language(_ request: Request) -> Language {
        if let query = request.uri.queryParameters["lang"].map(String.init), let language = Language(rawValue: query) { return language }
        return services.policy.current.notifications.email?.language == .en ? .english : .arabic
    }

    static func html(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
