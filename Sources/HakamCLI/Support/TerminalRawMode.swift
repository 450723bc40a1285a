#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Single key presses from the terminal: canonical mode and echo off for the duration of one
/// read, restored right after (so Ctrl-C or a crash between keys leaves a usable terminal).
enum TerminalRawMode {
    static func readKey() -> Character? {
        var original = termios()
        let isTTY = tcgetattr(STDIN_FILENO, &original) == 0
        if isTTY {
            var raw = original
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
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
