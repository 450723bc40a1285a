import CFuzzDriver
import Foundation
import HakamCore

/// The email parser on arbitrary bytes: it may refuse, never trap; what it accepts, it accepts
/// again in its normalized form, unchanged (parsing is stable).
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let address = try? EmailAddress(parsing: text) else { return 0 }
    guard let again = try? EmailAddress(parsing: address.normalized) else {
        fatalError("an accepted address does not re-parse in its normalized form")
    }
    precondition(again.normalized == address.normalized, "normalization is not stable")
    return 0
})
