import BERS
import BERSJSON

/// A config directory in memory with migration steps, for the key-migration tests.
struct KeyMigrationFixture {
    /// The files, under `config/`.
    let files: InMemoryFileSystem

    /// A project with these files (names inside the config directory) and these steps, written
    /// as `migrations/0001-step.json`, `migrations/0002-step.json`, ….
    init(_ layers: [String: String], steps: [String] = []) {
        var all: [String: String] = [:]
        for (name, text) in layers { all["config/\(name)"] = text }
        for (index, text) in steps.enumerated() {
            all["config/migrations/\(fourDigits(index + 1))-step.json"] = text
        }
        files = InMemoryFileSystem(all)
    }

    /// The project as it is now.
    func project() throws -> ConfigProject { try ConfigProject(directory: "config", fileSystem: files) }

    /// The plan of the pending steps.
    func plan() throws -> KeyMigrationPlan { try project().keyMigrationPlan() }

    /// Plans and writes the pending steps.
    @discardableResult
    func migrate() async throws -> KeyMigrationPlan {
        let plan = try plan()
        try await KeyMigrationWriter(fileSystem: files).write(plan)
        return plan
    }

    /// The text of `name` inside the config directory, `nil` when missing.
    func text(_ name: String) -> String? {
        (try? files.contents(atPath: "config/\(name)")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The parsed JSON of `name`.
    func json(_ name: String) -> JSONValue? {
        text(name).flatMap { try? JSONValue(parsing: $0) }
    }
}

/// A step file with these operations (JSON objects as text).
func step(_ operations: String..., description: String = "a test step") -> String {
    #"{"description": "\#(description)", "operations": [\#(operations.joined(separator: ", "))]}"#
}

/// `number` with at least four digits (`0001`).
func fourDigits(_ number: Int) -> String {
    let digits = "\(number)"
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
