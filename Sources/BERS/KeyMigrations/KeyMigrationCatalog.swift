import BERSJSON

/// The steps of a config directory's `migrations/` folder, in order.
///
/// Every entry of the folder is a step file named `NNNN-description.json` (or `NNNN.json`),
/// except hidden files and Markdown notes (`*.md`). The numbers must be unique and run from 1
/// without a gap; the number orders the steps, not the file name.
public struct KeyMigrationCatalog: Sendable {
    /// The name of the folder, inside the config directory.
    public static let folderName = "migrations"
    /// Step files larger than this are refused.
    static let maxStepBytes = 1 << 20

    /// The steps, numbered 1, 2, … in order.
    public let steps: [KeyMigrationStep]

    /// The steps of `folder` (no steps when it does not exist).
    ///
    /// - Throws: ``ConfigError`` `migrate.invalid-step` for an entry that is not a step file or
    ///   does not parse as one, with its `file:line:col`; `migrate.invalid-sequence` for a
    ///   repeated number or a gap; `config.unreadable` when a file cannot be read.
    public init(folder: String, fileSystem: any FileSystem) throws(ConfigError) {
        switch fileSystem.itemKind(atPath: folder) {
        case .missing:
            steps = []
            return
        case .file:
            throw ConfigError(
                .keyMigrationInvalidStep,
                "\(folder) is a file; migration steps go in a folder of that name"
            )
        case .directory:
            break
        }
        var found: [KeyMigrationStep] = []
        for name in try fileSystem.contentsOfDirectory(atPath: folder).sorted() where Self.isStepCandidate(name) {
            found.append(try Self.readStep(named: name, in: folder, fileSystem: fileSystem))
        }
        steps = try Self.ordered(found)
    }

    /// Whether an entry of the folder must be a step (hidden files and notes are not).
    private static func isStepCandidate(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.lowercased().hasSuffix(".md")
    }

    /// The number of a step file name (`0012-split-api.json` → 12 and `0012`).
    static func number(ofFileNamed name: String) -> (number: Int, label: String)? {
        guard name.hasSuffix(".json") else { return nil }
        let stem = name.dropLast(".json".count)
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
        let rest = stem.dropFirst(digits.count)
        guard rest.isEmpty || (rest.hasPrefix("-") && rest.count > 1) else { return nil }
        return (number, String(digits))
    }

    private static func readStep(named name: String, in folder: String, fileSystem: any FileSystem)
        throws(ConfigError) -> KeyMigrationStep
    {
        let path = joinPath(folder, name)
        guard let numbered = number(ofFileNamed: name) else {
            throw ConfigError(
                .keyMigrationInvalidStep,
                "\(path) is not a step file: name steps NNNN-description.json (0001-timeout-in-ms.json); only hidden files and *.md notes may sit beside them"
            )
        }
        let bytes = try fileSystem.contents(atPath: path, maxBytes: maxStepBytes)
        let document: JSONDocument
        do {
            document = try JSONParser().parse(bytes, file: path)
        } catch {
            throw ConfigError(.keyMigrationInvalidStep, error.message, location: error.location, underlying: error)
        }
        return try KeyMigrationStep(document: document, number: numbered.number, label: numbered.label)
    }

    /// The steps sorted by number, checked to run 1, 2, … without repeats or gaps.
    private static func ordered(_ steps: [KeyMigrationStep]) throws(ConfigError) -> [KeyMigrationStep] {
        let sorted = steps.sorted { ($0.number, $0.path) < ($1.number, $1.path) }
        for (index, step) in sorted.enumerated() {
            let expected = index + 1
            let start = SourceLocation(file: step.path, line: 1, column: 1)
            if index > 0, sorted[index - 1].number == step.number {
                throw ConfigError(
                    .keyMigrationInvalidSequence,
                    "\(sorted[index - 1].path) and \(step.path) both have number \(step.number); step numbers must be unique",
                    location: start
                )
            }
            guard step.number == expected else {
                let after =
                    index == 0
                    ? "the first step is \(step.path)" : "\(sorted[index - 1].path) is followed by \(step.path)"
                throw ConfigError(
                    .keyMigrationInvalidSequence,
                    "step \(expected) is missing: \(after); step numbers must run from 1 without a gap",
                    location: start
                )
            }
        }
        return sorted
    }
}
