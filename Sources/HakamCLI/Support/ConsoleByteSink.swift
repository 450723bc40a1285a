import HakamCore

/// Sends an export's bytes to the console's standard output in whole UTF-8 characters (a
/// block boundary may fall inside one), so captured output in tests is exact too.
final class ConsoleByteSink: ByteSink {
    private let console: TerminalConsole
    private var pending: [UInt8] = []

    init(console: TerminalConsole) {
        self.console = console
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        pending.append(contentsOf: bytes)
        var end = pending.count
        // Back up over an incomplete trailing sequence: continuation bytes, then its lead byte.
        var back = 0
        while back < 3, end - back - 1 >= 0, pending[end - back - 1] & 0xC0 == 0x80 { back += 1 }
        if end - back - 1 >= 0 {
            let lead = pending[end - back - 1]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if length > back + 1 { end -= back + 1 }
        }
        console.write(String(decoding: pending[0..<end], as: UTF8.self))
        pending.removeFirst(end)
    }

    func finish() {
        if !pending.isEmpty { console.write(String(decoding: pending, as: UTF8.self)) }
        pending.removeAll()
    }
}
