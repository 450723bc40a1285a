import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 client on a plain TCP socket, one request per connection. The reliability
/// tests need what URLSession hides: a definite answer per request (status or "no answer"), slow
/// bodies, and raw bytes on the wire.
enum RawHTTP {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    /// Connects to 127.0.0.1:port; nil when nothing listens.
    static func connect(port: Int, timeoutSeconds: Int = 10) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); return nil }
        return fd
    }

    /// Writes every byte; false if the peer went away.
    @discardableResult
    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Reads to EOF (the server closes: we ask for `Connection: close`) and parses the reply;
    /// nil when the connection died without a complete status line.
    static func receive(_ fd: Int32) -> Reply? {
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data.append(contentsOf: chunk[..<count])
        }
        return parse(data)
    }

    /// True when the server has sent something (or closed) and a read would not block.
    static func isReadable(_ fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    static func parse(_ data: [UInt8]) -> Reply? {
        let text = String(decoding: data, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(text[headEnd.upperBound...]))
    }

    /// The bytes of a request, with `Connection: close` unless `keepAlive`.
    static func request(_ method: String, _ path: String, contentType: String? = nil, body: [UInt8] = [], extraHeaders: [String] = [], keepAlive: Bool = false) -> [UInt8] {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (keepAlive ? "" : "Connection: close\r\n")
        if let contentType { head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n" }
        for header in extraHeaders { head += header + "\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    /// One whole exchange; nil when there was no complete answer (refused, reset, timed out).
    static func exchange(port: Int, _ request: [UInt8], timeoutSeconds: Int = 10) -> Reply? {
        guard let fd = connect(port: port, timeoutSeconds: timeoutSeconds) else { return nil }
        defer { close(fd) }
        guard send(fd, request) else { return nil }
        return receive(fd)
    }

    static func postJSON(port: Int, _ json: String, timeoutSeconds: Int = 10) -> Reply? {
        exchange(port: port, request("POST", "/comments", contentType: "application/json", body: Array(json.utf8)), timeoutSeconds: timeoutSeconds)
    }
}

/// Runs blocking work on its own thread, so a test never parks a thread of Swift's small
/// cooperative pool (two threads on a two-core machine) on a socket.
func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}
