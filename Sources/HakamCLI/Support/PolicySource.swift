import HakamCore

/// The policy a command runs with: a file the operator names, or the one built into the binary.
struct PolicySource: Sendable {
    /// The path messages show (for the built-in policy, `/(built-in)/Policies/default.yml`).
    let path: String
    let loader: PolicyLoader

    static func file(_ path: String) -> PolicySource { PolicySource(path: path, loader: PolicyLoader()) }
    static var builtIn: PolicySource { PolicySource(path: ShippedPolicy.defaultPolicyPath, loader: ShippedPolicy.loader) }

    func load() throws(PolicyError) -> Policy {
        try loader.load(path: path)
    }
}
