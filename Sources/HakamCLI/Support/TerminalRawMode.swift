#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Single key presses from the terminal: canonical mode, echo and signal keys off for the
/// duration of one read, restored right after. With ISIG off, Ctrl-C arrives as the byte 0x03
/// (the review treats it as quit) instead of killing the process with the terminal still raw.
enum TerminalRawMode {
    static func readKey() -> Character? {
        var original = termios()
        let isTTY = tcgetattr(STDIN_FILENO, &original) == 0
        if isTTY {
            var raw = original
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
            withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
                bytes[Int(VMIN)] = 1
                bytes[Int(VTIME)] = 0
            }
            tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        }
        defer { if isTTY { tcsetattr(STDIN_FILENO, TCSANOW, &original) } }
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return Character(Unicode.Scalar(byte)) }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }
}
