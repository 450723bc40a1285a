import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The same client as webhooks (no redirects, bounded wait), with the answer read up to 1 MiB.
extension NIOHTTPPoster: HTTPTransport {
    static let answerLimit = 1 << 20

    public func send(_ outbound: OutboundHTTPRequest) async throws(DeliveryFailure) -> OutboundHTTPResponse {
        var request = HTTPClientRequest(url: outbound.url.absoluteString)
        request.method = HTTPMethod(rawValue: outbound.method)
        for (name, value) in outbound.headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "User-Agent", value: "Hakam")
        if let body = outbound.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await Self.client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            let body = try await response.body.collect(upTo: Self.answerLimit)
            return OutboundHTTPResponse(status: Int(response.status.code), body: Array(body.readableBytesView))
        } catch {
            throw DeliveryFailure("request failed: \(Self.describe(error))")
        }
    }
}
