import BERS
import BERSJSON
import Testing

/// The `migrations/` folder: numbering, gaps, duplicates, names that are not steps.
@Suite struct KeyMigrationCatalogTests {
    private let remove = step(#"{"op": "remove", "path": "a"}"#)

    private func catalog(_ names: [String]) throws -> [KeyMigrationStep] {
        var files = ["config/default.json": "{}"]
        for name in names { files["config/migrations/\(name)"] = remove }
        return try KeyMigrationCatalog(folder: "config/migrations", fileSystem: InMemoryFileSystem(files)).steps
    }

    @Test func stepsAreOrderedByNumberNotByName() throws {
        let steps = try catalog([
            "10-ten.json", "0002-b.json", "1.json", "03-c.json", "4-d.json", "5-e.json", "6-f.json",
            "7-g.json", "8-h.json", "9-i.json", "README.md", ".DS_Store",
        ])
        #expect(steps.map(\.number) == Array(1...10))
        #expect(steps.map(\.label).prefix(3) == ["1", "0002", "03"])
    }

    @Test func noFolderMeansNoSteps() throws {
        let steps = try KeyMigrationCatalog(
            folder: "config/migrations",
            fileSystem: InMemoryFileSystem(["config/default.json": "{}"])
        )
        .steps
        #expect(steps.isEmpty)
    }

    @Test func aGapIsAnError() throws {
        let error = try #require(throws: ConfigError.self) {
            try catalog(["0001-a.json", "0002-b.json", "0004-d.json"])
        }
        #expect(error.code == .keyMigrationInvalidSequence)
        #expect(error.message.contains("step 3 is missing"))
        #expect(error.location?.description == "config/migrations/0004-d.json:1:1")
    }

    @Test func theSequenceStartsAtOne() throws {
        let error = try #require(throws: ConfigError.self) { try catalog(["0002-b.json"]) }
        #expect(error.code == .keyMigrationInvalidSequence)
        #expect(error.message.contains("step 1 is missing"))
    }

    @Test func aDuplicateNumberIsAnError() throws {
        let error = try #require(throws: ConfigError.self) { try catalog(["0001-a.json", "1-again.json"]) }
        #expect(error.code == .keyMigrationInvalidSequence)
        #expect(error.message.contains("both have number 1"))
    }

    @Test(arguments: ["notes.txt", "step.json", "0001_a.json", "0001-.json", "0001-a.yaml"])
    func anEntryThatIsNotAStepFileIsAnError(_ name: String) throws {
        let error = try #require(throws: ConfigError.self) { try catalog(["0001-a.json", name]) }
        #expect(error.code == .keyMigrationInvalidStep)
        #expect(error.message.contains("NNNN-description.json"))
    }
}
