import AsyncHTTPClient
import Foundation
import NIOCore

/// POSTs a body and reports the status code.
public protocol HTTPPoster: Sendable {
    func post(url: URL, headers: [(String, String)], body: [UInt8]) async throws(DeliveryFailure) -> Int
}

/// The real one, on AsyncHTTPClient (SwiftNIO, TLS through NIOSSL, so the static binary needs no
/// libcurl): no redirects followed (a webhook URL that moves is a configuration problem, and a
/// redirect must not carry the signed body elsewhere), a bounded wait, no cookies.
public struct NIOHTTPPoster: HTTPPoster {
    /// One client for the process: it lives as long as the worker, so it is never shut down.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
    /// A receiver's answer is read only to finish the exchange; a larger one is cut off.
    static let responseLimit = 64 * 1024

    let timeout: TimeInterval

    public init(timeout: TimeInterval = 10) {
        self.timeout = timeout
    }

    public func post(url: URL, headers: [(String, String)], body: [UInt8]) async throws(DeliveryFailure) -> Int {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "User-Agent", value: "Hakam")
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await Self.client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            _ = try? await response.body.collect(upTo: Self.responseLimit)
            return Int(response.status.code)
        } catch {
            throw DeliveryFailure("request failed: \(Self.describe(error))")
        }
    }

    /// The error's kind only: a driver's own text may repeat the URL, which can be a secret.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            if [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error) { return "timed out" }
            if error == .remoteConnectionClosed { return "connection lost" }
            if [.redirectLimitReached, .redirectCycleDetected].contains(error) { return "redirect refused" }
            if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return "bad URL" }
            return "HTTP client error"
        }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED { return "connection refused" }
        return "error \(type(of: error))"
    }
}
