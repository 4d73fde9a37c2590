import BERSJSON

extension KeyMigrationPlan {
    /// The plan as `bers migrate` prints it: the pending steps with their descriptions, then
    /// each changed file with one line per change (`~ api.timeout: "30" -> 30`,
    /// `+ api.rateLimit: 100`, `- features.legacy: true`, `> api.retries -> http.retries`),
    /// secrets as `<redacted>`, then the environments checked.
    public var text: String {
        guard !isEmpty else { return "no pending migrations (applied: \(applied))" }
        var lines = ["pending migrations (applied: \(applied), after: \(appliedAfter)):"]
        for step in steps { lines.append("  \(step.label)  \(step.description)") }
        if files.isEmpty { lines.append("no layer file changes") }
        for file in files {
            lines.append(file.isNew ? "\(file.path) (new)" : file.path)
            for change in file.changes { lines.append("  \(change.text)") }
        }
        if !validatedEnvironments.isEmpty {
            let against = schema.map { " against \($0)" } ?? " (no schema)"
            lines.append("valid\(against): \(validatedEnvironments.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}

extension KeyMigrationChange {
    /// The change as one line: `~ path: old -> new`, `+ path: value`, `- path: old` or
    /// `> from -> to`, values as compact JSON (shortened past 80 characters) or `<redacted>`.
    public var text: String {
        switch kind {
        case .add(let path, let value): "+ \(path.dottedPath): \(shown(value))"
        case .remove(let path, let old): "- \(path.dottedPath): \(shown(old))"
        case .replace(let path, let old, let new): "~ \(path.dottedPath): \(shown(old)) -> \(shown(new))"
        case .move(let from, let to, _): "> \(from.dottedPath) -> \(to.dottedPath)"
        }
    }

    /// A value as the text and JSON outputs show it: itself, or `<redacted>` for a secret.
    func shownValue(_ value: JSONValue) -> JSONValue {
        isSecret ? .string(SecretRedaction.placeholder) : value
    }

    private func shown(_ value: JSONValue) -> String {
        guard !isSecret else { return SecretRedaction.placeholder }
        let text = value.jsonText
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
