import CFuzzDriver
import Foundation
import HakamCore

/// The submit endpoints' body decoding (JSON and form) followed by validation, on arbitrary
/// bytes: refusals are fine, traps and hangs are findings. The first byte picks the format.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let fields: [String: String]
    do {
        fields = data[0] & 1 == 0 ? try SubmissionFields.json(bytes) : try SubmissionFields.form(bytes)
    } catch {
        return 0
    }
    let submission = Submission(post: fields["post"], parent: fields["parent"], name: fields["name"],
                                email: fields["email"], url: fields["url"], body: fields["body"])
    _ = try? SubmissionValidator(limits: FieldLimits()).validate(submission)
    return 0
})
