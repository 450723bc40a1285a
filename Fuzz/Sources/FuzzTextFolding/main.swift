import CFuzzDriver
import Foundation
import HakamCore

/// Text folding (the matching form the word lists see) on arbitrary text: never traps, and its
/// output folds again without trapping.
let folding = TextFolding()
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let once = folding.fold(text).text
    _ = folding.fold(once)
    return 0
})
