import BERSJSON

/// Where the migrations of `migrations/` took a key an override variable still names: the
/// did-you-mean of a `BERS__API__TIMEOUT` left behind after `api.timeout` became
/// `api.timeoutMs`.
struct KeyMigrationOverrideHint {
    /// The steps, in order.
    let steps: [KeyMigrationStep]

    /// The message for variable `name` (whose path is `segments`, any case), or `nil` when no
    /// migration renamed, moved or removed the key.
    ///
    /// `BERS__API__TIMEOUT names api.timeout, which migration 0001 renamed to api.timeoutMs; use
    /// BERS__API__TIMEOUTMS`.
    func message(variable name: String, prefix: String, segments: [String]) -> String? {
        var current = segments.map { $0.lowercased() }
        var original: [String]?
        var labels: [String] = []
        var verbs = Set<String>()
        for step in steps {
            for operation in step.operations where Self.matches(current, operation.source) {
                let rest = current.dropFirst(operation.source.tokens.count)
                let named = original ?? (operation.source.tokens + rest)
                switch operation.action {
                case .remove:
                    labels.append(step.label)
                    return
                        "\(name) names \(named.joined(separator: ".")), which \(Self.migrations(labels)) removed; remove the variable"
                case .rename, .move:
                    guard let destination = operation.destination else { continue }
                    original = named
                    labels.append(step.label)
                    verbs.insert(operation.name == "rename" ? "renamed" : "moved")
                    current = destination.tokens + rest
                case .setDefault, .changeType:
                    continue
                }
            }
        }
        guard let original, !verbs.isEmpty else { return nil }
        let verb = verbs == ["renamed"] ? "renamed" : "moved"
        let variable = prefix + current.map { $0.uppercased() }.joined(separator: "__")
        return
            "\(name) names \(original.joined(separator: ".")), which \(Self.migrations(labels)) \(verb) to \(current.joined(separator: ".")); use \(variable)"
    }

    /// Whether `path` (any case) is `source` or lies below it.
    private static func matches(_ path: [String], _ source: JSONPointer) -> Bool {
        path.count >= source.tokens.count
            && zip(path, source.tokens).allSatisfy { $0.lowercased() == $1.lowercased() }
    }

    private static func migrations(_ labels: [String]) -> String {
        labels.count == 1 ? "migration \(labels[0])" : "migrations \(labels.joined(separator: ", "))"
    }
}

extension ConfigProject {
    /// `error` (an override variable naming no key) with the message of
    /// ``KeyMigrationOverrideHint`` when a migration took the key elsewhere; otherwise `error`.
    func explainingKeyMigration(_ error: ConfigError, variable name: String, prefix: String) -> ConfigError {
        guard fileNames.contains(KeyMigrationCatalog.folderName), let steps = try? keyMigrationSteps() else {
            return error
        }
        let segments = name.dropFirst(prefix.count).split(separator: "__", omittingEmptySubsequences: false)
            .map(String.init)
        guard
            let message = KeyMigrationOverrideHint(steps: steps)
                .message(variable: name, prefix: prefix, segments: segments)
        else { return error }
        var explained = error
        explained.message = message
        return explained
    }
}
