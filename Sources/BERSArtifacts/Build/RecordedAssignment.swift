import BERS
import BERSJSON

/// How a build records a `--set path=value` argument in its artifacts, manifest and report:
/// as given, or `path=<redacted>` when its value lands at, inside or around a secret.
///
/// A redacted assignment keeps its path but records nothing derived from its value (not even
/// a hash, which could be guessed offline): `bers build --check` asks for the value again.
enum RecordedAssignment {
    /// The path of `assignment` (`db.password` of `db.password=…`), or `nil` without `=`.
    static func path(of assignment: String) -> String? {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else { return nil }
        return String(assignment[..<equals])
    }

    /// `path=<redacted>`.
    static func redacted(path: String) -> String {
        "\(path)=\(SecretRedaction.placeholder)"
    }

    /// Whether `assignment` is recorded redacted: its text names no value.
    static func isRedacted(_ assignment: String) -> Bool {
        path(of: assignment).map { redacted(path: $0) == assignment } ?? false
    }

    /// `assignment` as recorded for builds of `configurations`: `path=<redacted>` when its value
    /// is secret in one of them.
    static func recorded(_ assignment: String, in configurations: [ResolvedConfiguration]) -> String {
        guard let target = path(of: assignment),
            configurations.contains(where: { isSecret(path: target, in: $0) })
        else { return assignment }
        return redacted(path: target)
    }

    /// Whether the value set at `path` is, holds or is held by a secret of `configuration`.
    ///
    /// Keys are compared without case, as `--set` finds them: `DB.PASSWORD` sets `db.password`.
    static func isSecret(path: String, in configuration: ResolvedConfiguration) -> Bool {
        guard configuration.hasSecrets else { return false }
        let tokens = JSONPointer(stringLiteral: path).tokens.map { $0.lowercased() }
        return configuration.secretPointers.contains { secret in
            let secretTokens = secret.tokens.map { $0.lowercased() }
            return secretTokens.starts(with: tokens) || tokens.starts(with: secretTokens)
        }
    }

    /// The assignments to apply when checking artifacts built with `recorded`: a redacted one
    /// takes the value of the `given` assignment with the same path (compared without case, as
    /// `--set` finds keys).
    ///
    /// - Throws: ``BuildError`` `build.missing-secret-assignment` naming the paths whose
    ///   values are not given.
    static func restored(_ recorded: [String], given: [String]) throws(BuildError) -> [String] {
        var missing: [String] = []
        let restored = recorded.map { assignment in
            guard isRedacted(assignment), let target = path(of: assignment) else { return assignment }
            guard let value = given.last(where: { path(of: $0)?.lowercased() == target.lowercased() }) else {
                missing.append(target)
                return assignment
            }
            return value
        }
        guard missing.isEmpty else {
            let options = missing.map { "--set \($0)=…" }.joined(separator: " ")
            throw BuildError(
                .missingSecretAssignment,
                "the manifest records --set \(missing.joined(separator: ", ")) without \(missing.count == 1 ? "its value, a secret" : "their values, secrets"); give \(missing.count == 1 ? "it" : "them") again to check: bers build --check DIR \(options)"
            )
        }
        return restored
    }
}
