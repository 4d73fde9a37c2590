import BERS

/// A file (or argument) a build read, with the SHA-256 of its bytes.
public struct InputFile: Sendable, Hashable {
    /// What the input is.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// `bers.json`.
        case project
        /// A schema file (the configured schema and its siblings, which it may `$ref`).
        case schema
        /// A layer file.
        case layer
        /// The tenant document of a `--tenant` build (hashed in canonical JSON).
        case tenant
        /// A `--set path=value` argument (its text is the name).
        case assignment = "set"
    }

    /// What the input is.
    public var role: Role
    /// Its path relative to the config directory (or the tenant's key, or the `--set` text).
    public var name: String
    /// The lowercase hex SHA-256 of its bytes.
    public var sha256: String

    /// An input with these fields.
    public init(role: Role, name: String, sha256: String) {
        self.role = role
        self.name = name
        self.sha256 = sha256
    }

    /// `sha256:` and the hash of these inputs for `environment`: SHA-256 of the lines
    /// `bers-inputs/1`, `environment <name>`, then `<role> <name> <sha256>` per input, joined by `\n`.
    public static func combinedHash(_ inputs: [InputFile], environment: String) -> String {
        var lines = ["bers-inputs/1", "environment \(environment)"]
        lines += inputs.map { "\($0.role.rawValue) \($0.name) \($0.sha256)" }
        return "sha256:" + BERSDigest.sha256Hex(Array(lines.joined(separator: "\n").utf8))
    }
}
