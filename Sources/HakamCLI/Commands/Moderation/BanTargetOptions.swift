import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// Exactly one of `--email`, `--ip`, `--domain`, `--name` (and for `ban`, `--author-of`).
struct BanTargetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An email address (stored only as its keyed hash).", valueName: "address")) var email: String?
    @Option(help: ArgumentHelp("An IP address (stored only as its keyed hash).", valueName: "address")) var ip: String?
    @Option(help: ArgumentHelp("An email domain; also covers its subdomains.", valueName: "domain")) var domain: String?
    @Option(help: ArgumentHelp("An author name (matched case-insensitively).", valueName: "name")) var name: String?

    var givenCount: Int { [email, ip, domain, name].compactMap { $0 }.count }

    /// The stored form: hashes for email and IP (needs the key file), normalized text otherwise.
    func target(_ global: GlobalOptions) throws -> (kind: BanKind, value: String, label: String) {
        if let email {
            let address: EmailAddress
            do { address = try EmailAddress(parsing: email) } catch { throw CLIError("--email: not a valid address (\(error))") }
            return (.email, try global.loadExistingProtector().emailHash(address), "email address")
        }
        if let ip {
            let trimmed = ip.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" || $0 == "[" || $0 == "]" }) else {
                throw CLIError("--ip: not an IP address")
            }
            return (.ip, try global.loadExistingProtector().ipHash(trimmed), "IP address")
        }
        if let domain {
            let value = try BanKind.normalizedDomain(domain)
            return (.domain, value, "domain \(value)")
        }
        if let name {
            let value = BanKind.normalizedName(name)
            guard !value.isEmpty else { throw CLIError("--name is empty") }
            return (.name, value, "name \(TerminalText.singleLine(value))")
        }
        throw ValidationError("give one of --email, --ip, --domain, --name")
    }
}
