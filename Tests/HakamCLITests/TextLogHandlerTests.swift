import Foundation
import Logging
import Testing
@testable import HakamCLI
@testable import HakamHTTP

@Suite struct TextLogHandlerTests {
    private func event(_ message: Logger.Message, metadata: Logger.Metadata? = nil, level: Logger.Level = .info) -> LogEvent {
        LogEvent(level: level, message: message, metadata: metadata, source: "HakamHTTP", file: "x.swift", function: "f", line: 1)
    }

    @Test func writesUTCTimestampLevelLabelSortedMetadataSourceAndMessage() {
        var handler = TextLogHandler(label: "hakam")
        handler[metadataKey: "hb.request.id"] = "42"
        let line = handler.line(for: event("comment stored", metadata: ["status": "pending", "comment_id": "7"]),
                                at: Date(timeIntervalSince1970: 1_796_000_000.25))
        #expect(line == "2026-11-30T00:53:20.250Z info hakam : comment_id=7 hb.request.id=42 status=pending [HakamHTTP] comment stored\n")
    }

    @Test func eventMetadataOverridesHandlerMetadataAndNoMetadataLeavesNoGap() {
        var handler = TextLogHandler(label: "hakam")
        #expect(handler.line(for: event("up", level: .notice), at: Date(timeIntervalSince1970: 0))
                == "1970-01-01T00:00:00.000Z notice hakam : [HakamHTTP] up\n")
        handler[metadataKey: "route"] = "/a"
        #expect(handler.line(for: event("x", metadata: ["route": "/b"]), at: Date(timeIntervalSince1970: 0))
                == "1970-01-01T00:00:00.000Z info hakam : route=/b [HakamHTTP] x\n")
    }

    @Test(arguments: [(0, "0.00"), (4_999, "0.00"), (5_000, "0.01"), (1_234_567, "1.23"), (12_345_678_901, "12345.68"), (90_000, "0.09"), (-5, "0.00")])
    func requestDurationsHaveTwoDecimals(nanoseconds: Int64, text: String) {
        #expect(RequestMetricsMiddleware.milliseconds(nanoseconds) == text)
        if nanoseconds >= 0 {
            #expect(text == String(format: "%.2f", (Double(nanoseconds) / 1_000_000 * 100).rounded() / 100))
        }
    }
}
