import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs a body and reports the status code. Foundation's URLSession (libcurl on Linux) is
/// enough for a few outbound requests a minute and adds no dependency to build.
public protocol HTTPPoster: Sendable {
    func post(url: URL, headers: [(String, String)], body: [UInt8]) async throws(DeliveryFailure) -> Int
}

/// The real one: no redirects followed (a webhook URL that moves is a configuration problem,
/// and a redirect must not carry the signed body elsewhere), a bounded wait, no cookies or cache.
public final class URLSessionPoster: NSObject, HTTPPoster, URLSessionTaskDelegate, @unchecked Sendable {
    private let timeout: TimeInterval
    private lazy var session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        return URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }()
    private let lock = NSLock()

    public init(timeout: TimeInterval = 10) {
        self.timeout = timeout
    }

    public func post(url: URL, headers: [(String, String)], body: [UInt8]) async throws(DeliveryFailure) -> Int {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.setValue("Hakam", forHTTPHeaderField: "User-Agent")
        request.httpBody = Data(body)
        let session = lock.withLock { self.session }
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { throw DeliveryFailure("no HTTP response") }
            return http.statusCode
        } catch let failure as DeliveryFailure {
            throw failure
        } catch let error as URLError {
            throw DeliveryFailure("request failed: \(Self.describe(error.code))")
        } catch {
            throw DeliveryFailure("request failed")
        }
    }

    public func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// The error's kind only: URLError's own text may repeat the URL, which can be a secret.
    static func describe(_ code: URLError.Code) -> String {
        switch code {
        case .timedOut: "timed out"
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .networkConnectionLost: "connection lost"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot: "TLS failed"
        default: "error \(code.rawValue)"
        }
    }
}
