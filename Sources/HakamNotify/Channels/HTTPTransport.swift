import Foundation

/// One HTTP exchange, answer included: what a REST client (the WordPress publisher) needs
/// beyond `HTTPPoster`'s status code.
public protocol HTTPTransport: Sendable {
    func send(_ request: OutboundHTTPRequest) async throws(DeliveryFailure) -> OutboundHTTPResponse
}

public struct OutboundHTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(String, String)]
    public var body: [UInt8]?

    public init(method: String, url: URL, headers: [(String, String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct OutboundHTTPResponse: Sendable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
