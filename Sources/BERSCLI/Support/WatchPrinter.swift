import BERS
import BERSJSON

/// Prints what `bers watch` sees: text lines, or one JSON object per line.
struct WatchPrinter {
    let json: Bool

    func started(_ generation: ConfigurationGeneration, directory: String) {
        let environment = generation.configuration.environment.name
        if json {
            emit([
                "event": "started", "generation": .integer(Int64(generation.number)),
                "environment": .string(environment), "digest": .string(generation.digest),
                "directory": .string(directory),
            ])
        } else {
            Output.line(
                "watching \(directory) (\(environment)): generation \(generation.number), sha256 \(generation.digest.prefix(12))"
            )
        }
    }

    func stopped(_ generation: ConfigurationGeneration) {
        if json {
            emit(["event": "stopped", "generation": .integer(Int64(generation.number))])
        } else {
            Output.line("stopped at generation \(generation.number)")
        }
    }

    /// Prints `event`; `afterRefusal` tells that the previous event was a refusal, so a save
    /// that puts the files back to the current values is worth a line ("valid again").
    func print(_ event: ReloadEvent, afterRefusal: Bool = false) {
        guard !json else { return emit(event.jsonValue) }
        switch event {
        case .applied(let applied):
            let generation = applied.generation
            let count = applied.changes.count
            Output.line(
                "generation \(generation.number) (\(generation.configuration.environment.name), sha256 \(generation.digest.prefix(12))): \(count) change\(count == 1 ? "" : "s")"
            )
            for change in applied.changes { Output.line("  " + Self.describe(change)) }
        case .unchanged(let generation):
            // A save that changes no value is not a change worth a line (the JSON lines say it),
            // unless it mends a refused one.
            if afterRefusal { Output.line("valid again: generation \(generation) still current") }
        case .refused(let refused):
            Output.line("refused: \(refused.error.description); keeping generation \(refused.keptGeneration)")
            for detail in refused.error.details { Output.line("  " + detail) }
        }
    }

    /// `modified api.timeout: 5000 -> 6000 (config/default.json:3:17)`.
    static func describe(_ change: ConfigurationChange) -> String {
        let path = change.pointer.isRoot ? "/" : change.pointer.dottedPath
        let serializer = JSONSerializer(style: .compact)
        let old = change.oldValue.map(serializer.string) ?? ""
        let new = change.newValue.map(serializer.string) ?? ""
        let location = change.location.map { " (\($0))" } ?? ""
        switch change.kind {
        case .added: return "added \(path): \(new)\(location)"
        case .modified: return "modified \(path): \(old) -> \(new)\(location)"
        case .removed: return "removed \(path) (was \(old))"
        }
    }

    private func emit(_ value: JSONValue) {
        Output.line(JSONSerializer(style: .compact).string(value))
    }
}
