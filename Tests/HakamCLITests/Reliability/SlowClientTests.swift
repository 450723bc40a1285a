import Foundation
import Testing
import HakamTestSupport
import HakamSQLite

/// Slowloris and oversized headers against the real server: the attacker's connection is cut
/// off, and other readers are served meanwhile.
@Suite("slow and oversized clients (binary)")
struct SlowClientTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func startServer() throws -> ServerProcess {
        try ServerProcess(directory: directory, arguments: [
            "--db", directory.appendingPathComponent("hakam.sqlite").path, "--idle-timeout", "2", "--body-timeout", "2",
        ], logPath: directory.appendingPathComponent("serve.log").path)
    }

    static let comment = Array(#"{"post":"p","name":"n","email":"n@example.com","body":"a comment that arrives slowly"}"#.utf8)

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func aTrickledBodyGets408AndIsCutOffWhileOthersAreServed() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try startServer()
        let port = server.port
        let started = Date()
        // One byte every 300 ms: each byte resets the idle timer, only the body deadline stops it.
        async let slow: (reply: RawHTTP.Reply?, seconds: Double) = onThread {
            guard let fd = RawHTTP.connect(port: port) else { return (nil, 0) }
            defer { close(fd) }
            let request = RawHTTP.request("POST", "/comments", contentType: "application/json", body: Self.comment)
            let headEnd = request.count - Self.comment.count
            RawHTTP.send(fd, Array(request[..<headEnd]))
            for byte in Self.comment where !RawHTTP.isReadable(fd) && Date().timeIntervalSince(started) < 20 {
                guard RawHTTP.send(fd, [byte]) else { break }
                usleep(300_000)
            }
            let reply = RawHTTP.receive(fd)  // to EOF: returns once the server has closed the connection
            return (reply, Date().timeIntervalSince(started))
        }
        try await Task.sleep(for: .milliseconds(500))
        let other = await onThread { RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz")) }
        #expect(other?.status == 200, "another reader is served while the slow one trickles")

        let (reply, seconds) = await slow
        // 408, or — when the server's close resets the connection before the client read the
        // answer — no answer; either way long before the whole body (90 bytes × 0.3 s = 27 s) arrived.
        #expect(reply == nil || reply?.status == 408, "the slow body is refused: \(String(describing: reply?.status))")
        if let reply { #expect(reply.body.contains("request_timeout")) }
        // The client gives up sending at 20 s; under a loaded machine the cut-off has come at 17 s.
        #expect(seconds < 19.5, "cut off near the 2 s deadline, after \(seconds) s")
        #expect(server.stop() == 0)
    }

    /// The same attack on a keep-alive connection, trickling on after the 408: the server must
    /// not go on reading the rest of the body (each byte would reset the idle timer), but drop
    /// the connection.
    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func aTrickleThatGoesOnAfterThe408IsDisconnected() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try startServer()
        let port = server.port
        let cutOffAfter: Double? = await onThread {
            let started = Date()
            guard let fd = RawHTTP.connect(port: port) else { return nil }
            defer { close(fd) }
            let request = RawHTTP.request("POST", "/comments", contentType: "application/json", body: Self.comment, keepAlive: true)
            RawHTTP.send(fd, Array(request[..<(request.count - Self.comment.count)]))
            var buffer = [UInt8](repeating: 0, count: 4096)
            for byte in Self.comment where Date().timeIntervalSince(started) < 15 {
                // EOF or a failed send: the server has closed the connection.
                if RawHTTP.isReadable(fd), buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) <= 0 {
                    return Date().timeIntervalSince(started)
                }
                guard RawHTTP.send(fd, [byte]) else { return Date().timeIntervalSince(started) }
                usleep(200_000)
            }
            return nil
        }
        let seconds = try #require(cutOffAfter, "the connection was still open after 15 s of trickling")
        #expect(seconds < 8, "cut off near the 2 s deadline, after \(seconds) s")
        #expect(server.stop() == 0)
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func aStalledHeaderIsClosedAtTheIdleTimeout() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try startServer()
        let port = server.port
        let (reply, seconds) = await Self.sendThenWaitForClose(port: port, Array("POST /comments HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8))
        #expect(reply == nil || reply?.status == 408 || reply?.status == 400)
        #expect(seconds >= 1 && seconds < 6, "closed near the 2 s idle timeout, after \(seconds) s")
        #expect(await onThread { RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz")) }?.status == 200)
        #expect(server.stop() == 0)
    }

    /// Sends `bytes` and nothing more, then reads until the server closes the connection: its
    /// answer, if any, and the seconds that took (-1: no connection).
    static func sendThenWaitForClose(port: Int, _ bytes: [UInt8]) async -> (reply: RawHTTP.Reply?, seconds: Double) {
        await onThread {
            let started = Date()
            guard let fd = RawHTTP.connect(port: port) else { return (nil, -1) }
            defer { close(fd) }
            RawHTTP.send(fd, bytes)
            return (RawHTTP.receive(fd), Date().timeIntervalSince(started))  // the server closes: EOF
        }
    }

    /// A body that stops arriving halfway: no byte comes to hit the body deadline, and the idle
    /// timeout closes the connection.
    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func aStalledBodyIsClosedAtTheIdleTimeout() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try startServer()
        let port = server.port
        let request = RawHTTP.request("POST", "/comments", contentType: "application/json", body: Self.comment)
        let (reply, seconds) = await Self.sendThenWaitForClose(port: port, Array(request.dropLast(10)))
        #expect(reply == nil || reply?.status == 408, "\(String(describing: reply?.status))")
        #expect(seconds >= 1 && seconds < 6, "closed near the 2 s idle timeout, after \(seconds) s")
        #expect(await onThread { RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz")) }?.status == 200)
        #expect(server.stop() == 0)
        let probe = try DatabaseProbe(path: directory.appendingPathComponent("hakam.sqlite").path)
        #expect(try await probe.count(.comments) == 0, "nothing of the half body is stored")
    }

    /// A chunked body declares no length: it is cut off with 413 once it passes 256 KiB, and
    /// nothing of it is stored.
    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func aChunkedBodyOverTheLimitIs413() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try startServer()
        let port = server.port
        let head = "POST /comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        let piece = Array(String(repeating: "a", count: 16 * 1024).utf8)
        let chunk = Array("4000\r\n".utf8) + piece + Array("\r\n".utf8)
        let reply: RawHTTP.Reply? = await onThread {
            guard let fd = RawHTTP.connect(port: port) else { return nil }
            defer { close(fd) }
            let opening = Array(#"{"post":"p","name":"n","email":"n@example.com","body":""#.utf8)
            RawHTTP.send(fd, Array(head.utf8) + Array((String(opening.count, radix: 16) + "\r\n").utf8) + opening + Array("\r\n".utf8))
            // 17 pieces of 16 KiB: past the limit, then the server answers and stops reading.
            for _ in 0..<17 where !RawHTTP.isReadable(fd) {
                guard RawHTTP.send(fd, chunk) else { break }
            }
            return RawHTTP.receive(fd)
        }
        #expect(reply?.status == 413, "\(String(describing: reply?.status))")
        #expect(reply?.body.contains("body_too_large") == true)
        #expect(server.stop() == 0)
        let probe = try DatabaseProbe(path: directory.appendingPathComponent("hakam.sqlite").path)
        #expect(try await probe.count(.comments) == 0)
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func oversizedHeadersAre400AndTheServerCarriesOn() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try startServer()
        let port = server.port
        let huge = "X-Big: " + String(repeating: "a", count: 64 * 1024)
        let many = (0..<500).map { "X-H\($0): 1" }
        let big = await onThread { RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz", extraHeaders: [huge])) }
        #expect(big == nil || big?.status == 400 || big?.status == 431, "\(String(describing: big?.status))")
        let numerous = await onThread { RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz", extraHeaders: many)) }
        #expect(numerous == nil || numerous?.status == 400 || numerous?.status == 431, "\(String(describing: numerous?.status))")
        let normal = await onThread { RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz", extraHeaders: ["X-Fine: " + String(repeating: "b", count: 4_000)])) }
        #expect(normal?.status == 200)
        #expect(server.stop() == 0)
    }
}
