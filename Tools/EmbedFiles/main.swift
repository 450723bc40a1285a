import Foundation

// Usage: EmbedFiles ROOT OUTPUT RELATIVE_PATH...
// Writes OUTPUT: an `EmbeddedFiles` enum holding each file's bytes (base64, so any byte survives
// the trip through a Swift literal and the compiler has one short string per file to read).
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedFiles ROOT OUTPUT RELATIVE_PATH...\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

func literal(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\\u{\(String(scalar.value, radix: 16))}"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return "\"\(escaped)\""
}

var entries: [String] = []
for path in arguments.dropFirst(3) {
    do {
        let bytes = try Data(contentsOf: root.appendingPathComponent(path))
        entries.append("        \(literal(path)): \(literal(bytes.base64EncodedString())),")
    } catch {
        FileHandle.standardError.write(Data("EmbedFiles: cannot read \(path): \(error)\n".utf8))
        exit(1)
    }
}

let source = """
    // Generated at build time by the EmbedFiles plugin from this module's data files. Do not edit.
    import Foundation

    /// The module's data files (migrations, policies, lists), built into the binary.
    enum EmbeddedFiles {
        /// Path relative to the module's folder → the file's bytes in base64.
        static let base64: [String: String] = [
    \(entries.isEmpty ? "        :" : entries.joined(separator: "\n"))
        ]

        /// The bytes of one file, or nil when no such file was embedded.
        static func data(_ path: String) -> Data? {
            base64[path].flatMap { Data(base64Encoded: $0) }
        }

        /// The UTF-8 text of one file, or nil when no such file was embedded (or it is not UTF-8).
        static func text(_ path: String) -> String? {
            data(path).flatMap { String(data: $0, encoding: .utf8) }
        }

        /// Paths (relative to the module's folder) of the files under `folder`, sorted.
        static func paths(under folder: String) -> [String] {
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            return base64.keys.filter { $0.hasPrefix(prefix) }.sorted()
        }
    }

    """
do {
    try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
    if (try? Data(contentsOf: output)) != Data(source.utf8) {
        try Data(source.utf8).write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("EmbedFiles: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
