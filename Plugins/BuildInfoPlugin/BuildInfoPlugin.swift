import Foundation
import PackagePlugin

/// Stamps the git commit the binary is built from (`hakam --version`): a prebuild command, so it runs
/// on every build, and rewrites its file only when the commit changes. Outside git: "unknown".
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildInfo")
        let script = #"""
            set -u
            out="$1/BuildInfo.swift"; package="$2"
            commit=$(git -C "$package" rev-parse --short=12 HEAD 2>/dev/null) || commit=""
            if [ -z "$commit" ]; then
                commit=unknown
            elif [ -n "$(git -C "$package" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
                commit="$commit-dirty"
            fi
            mkdir -p "$1"
            printf '// Generated at build time by the BuildInfo plugin. Do not edit.\nenum BuildInfo {\n    /// The git commit of the build, "-dirty" with uncommitted changes, or "unknown" outside git.\n    static let commit = "%s"\n}\n' "$commit" > "$out.new"
            if cmp -s "$out.new" "$out"; then rm -f "$out.new"; else mv "$out.new" "$out"; fi
            """#
        return [
            .prebuildCommand(
                displayName: "Stamping the git commit into \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "BuildInfo", output.path, context.package.directoryURL.path],
                outputFilesDirectory: output),
        ]
    }
}
