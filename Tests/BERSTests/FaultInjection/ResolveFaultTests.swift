import BERS
import BERSTesting
import Testing

/// Resolving a project whose files cannot be read.
///
/// The project directory, `bers.json`, `.bers-env`, a layer, the schema: each is a typed error; nothing is written.
@Suite struct ResolveFaultTests {
    static let files = [
        "config/bers.json": #"{"schema": "schemas/app.schema.json"}"#,
        "config/.bers-env": "production\n",
        "config/schemas/app.schema.json": #"{"type": "object", "required": ["api"]}"#,
        "config/default.json": #"{"api": {"timeout": 1000}}"#,
        "config/production.json": #"{"api": {"timeout": 2000}}"#,
    ]

    /// Loads, detects nothing (production is asked for) and resolves with validation.
    static func resolve(_ files: any FileSystem) throws(ConfigError) -> ResolvedConfiguration {
        let project = try ConfigProject(directory: "config", fileSystem: files)
        return try project.resolveValidated(try project.environment(named: "production"))
    }

    static let faults: [(FileSystemFaultRule, ConfigError.Code, String)] = [
        (
            FileSystemFaultRule(.list, path: .exact("config"), fault: .permissionDenied), .unreadable,
            "config directory config"
        ),
        (FileSystemFaultRule(.read, path: .suffix("bers.json"), fault: .ioError), .unreadable, "Input/output error"),
        (FileSystemFaultRule(.read, path: .suffix("bers.json"), fault: .isADirectory), .unreadable, "Is a directory"),
        (
            FileSystemFaultRule(.read, path: .suffix(".bers-env"), fault: .permissionDenied), .unreadable,
            "Permission denied"
        ),
        (
            FileSystemFaultRule(.read, path: .suffix("default.json"), fault: .ioError), .unreadable,
            "config/default.json: Input/output error"
        ),
        (
            FileSystemFaultRule(.read, path: .suffix("production.json"), fault: .permissionDenied), .unreadable,
            "Permission denied"
        ),
        (
            FileSystemFaultRule(.read, path: .suffix("production.json"), fault: .isADirectory), .unreadable,
            "Is a directory"
        ),
        (
            FileSystemFaultRule(.read, path: .suffix("app.schema.json"), fault: .ioError), .invalidSchema,
            "cannot read schema"
        ),
        (
            FileSystemFaultRule(.list, path: .exact("config/schemas"), fault: .ioError), .invalidSchema,
            "schema's folder"
        ),
    ]

    @Test(arguments: 0..<faults.count)
    func anUnreadableInputIsATypedError(fault: Int) throws {
        let (rule, code, text) = Self.faults[fault]
        let files = FaultInjectingFileSystem(wrapping: InMemoryFileSystem(Self.files), rules: [rule])
        let error = #expect(throws: ConfigError.self) { try Self.resolve(files) }
        #expect(error?.code == code)
        #expect(error?.message.contains(text) == true, "\(error?.message ?? "")")
        #expect(files.injected.count == 1)
        // Once the disk is back, the same project resolves.
        files.removeAllRules()
        #expect(try Self.resolve(files).int("api.timeout") == 2000)
    }

    /// Regression test for finding F2: a schema read that failed once was remembered by the
    /// project, so the same project kept failing after the disk recovered.
    @Test func aSchemaReadFailureIsNotRememberedByTheProject() throws {
        let files = FaultInjectingFileSystem(
            wrapping: InMemoryFileSystem(Self.files),
            rules: [FileSystemFaultRule(.read, path: .suffix("app.schema.json"), when: .onCall(1), fault: .ioError)]
        )
        let project = try ConfigProject(directory: "config", fileSystem: files)
        let production = try project.environment(named: "production")
        let error = #expect(throws: ConfigError.self) { try project.resolveValidated(production) }
        #expect(error?.code == .invalidSchema)
        #expect(try project.resolveValidated(production).int("api.timeout") == 2000)
    }
}
