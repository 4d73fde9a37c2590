import BERS
import BERSJSON
import Synchronization
import Testing

/// A file system that counts the reads of each path, over an in-memory one.
final class CountingFileSystem: FileSystem {
    let base: InMemoryFileSystem
    private let reads = Mutex<[String: Int]>([:])

    init(_ files: [String: String]) { base = InMemoryFileSystem(files) }

    func readCount(_ path: String) -> Int { reads.withLock { $0[path, default: 0] } }

    func contentsOfDirectory(atPath path: String) throws(ConfigError) -> [String] {
        try base.contentsOfDirectory(atPath: path)
    }
    func contents(atPath path: String, maxBytes: Int) throws(ConfigError) -> [UInt8] {
        reads.withLock { $0[path, default: 0] += 1 }
        return try base.contents(atPath: path, maxBytes: maxBytes)
    }
    func itemKind(atPath path: String) -> FileItemKind { base.itemKind(atPath: path) }
    func write(_ bytes: [UInt8], toPath path: String) throws(ConfigError) { try base.write(bytes, toPath: path) }
    func createDirectory(atPath path: String) throws(ConfigError) { try base.createDirectory(atPath: path) }
}

/// Resolving and validating meet in one place: `ConfigProject.validate(_:)` and
/// `resolveValidated(_:options:)`, with the schema compiled once per loaded project.
struct ValidationEntryPointTests {
    static let files = [
        "config/bers.json": #"{"schema": "schemas/app.schema.json"}"#,
        "config/schemas/app.schema.json": #"""
        {"type": "object", "properties": {"api": {"$ref": "https://example.com/api.schema.json"}}}
        """#,
        "config/schemas/api.schema.json": #"""
        {"$id": "https://example.com/api.schema.json", "type": "object",
         "properties": {"timeout": {"type": "integer", "minimum": 1000}}}
        """#,
        "config/default.json": #"{"api": {"timeout": 2000}}"#,
        "config/production.json": "{\"api\": {\n  \"timeout\": 500}}",
    ]

    @Test func theSchemaIsReadAndCompiledOncePerProject() throws {
        let fileSystem = CountingFileSystem(Self.files)
        let project = try ConfigProject(directory: "config", fileSystem: fileSystem)
        for _ in 0..<3 { _ = try project.resolveValidated(.staging) }
        _ = try project.validate(try project.resolve(.development))
        let copy = project
        _ = try copy.schemaValidator()
        #expect(fileSystem.readCount("config/schemas/app.schema.json") == 1)
        #expect(fileSystem.readCount("config/schemas/api.schema.json") == 1)
        let reloaded = try ConfigProject(directory: "config", fileSystem: fileSystem)
        _ = try reloaded.schemaValidator()
        #expect(fileSystem.readCount("config/schemas/app.schema.json") == 2)
    }

    @Test func anInvalidConfigurationIsAnErrorWithOneDetailPerFailure() throws {
        let project = try ConfigProject(directory: "config", fileSystem: InMemoryFileSystem(Self.files))
        #expect {
            try project.resolveValidated(.production)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.code == .invalidConfiguration
                && error.message == "the production configuration does not satisfy schemas/app.schema.json (1 problem)"
                && error.details == ["config/production.json:2:14: /api/timeout: 500 is less than the minimum of 1000"]
        }
        let report = try #require(try project.validate(try project.resolve(.production)))
        #expect(!report.isValid)
    }

    @Test func withoutASchemaThereIsNothingToValidate() throws {
        let project = try makeProject(["default.json": #"{"a": 1}"#])
        #expect(try project.validate(try project.resolve(.production)) == nil)
        #expect(try project.resolveValidated(.production).int("a") == 1)
    }

    @Test func aSiblingSchemaThatIsNotJSONIsAnErrorNotIgnored() throws {
        var files = Self.files
        files["config/schemas/broken.schema.json"] = "{\"$id\": "
        let project = try ConfigProject(directory: "config", fileSystem: InMemoryFileSystem(files))
        #expect {
            try project.resolveValidated(.staging)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.code == .invalidSchema
                && error.message.contains("config/schemas/broken.schema.json is not JSON")
                && error.location?.file == "config/schemas/broken.schema.json"
        }
        // The failure is remembered: asking again gives the same error without reading again.
        #expect(throws: ConfigError.self) { try project.schemaValidator() }
    }

    @Test func otherJSONFilesBesideTheSchemaAreSkippedWhenTheyDoNotParse() throws {
        var files = Self.files
        files["config/schemas/notes.json"] = "// not JSON"
        let project = try ConfigProject(directory: "config", fileSystem: InMemoryFileSystem(files))
        #expect(try project.resolveValidated(.staging).int("api.timeout") == 2000)
    }

    @Test func anUnreadableSiblingSchemaIsAnErrorAndIsRemembered() throws {
        let fileSystem = CountingFileSystem(Self.files)
        let project = try ConfigProject(directory: "config", fileSystem: fileSystem)
        try fileSystem.base.write(Array("{".utf8), toPath: "config/schemas/api.schema.json")
        for _ in 0..<2 {
            #expect(throws: ConfigError.self) { try project.schemaValidator() }
        }
        #expect(fileSystem.readCount("config/schemas/api.schema.json") == 1)
    }
}
