import BERS
import BERSJSON

/// The `build` section of `bers.json`: what `bers build --all` writes and how each format is
/// shaped.
///
/// Every key is optional.
///
/// ```json
/// "build": {
///   "environments": ["development", "staging", "production"],
///   "formats": ["json", "swift", "js", "esbuild-define", "dotenv"],
///   "files": {"js": "environment.js"},
///   "swift": {"type-name": "Config", "access": "public"},
///   "js": {"object": "config", "constants": {…}, "functions": {…}},
///   "esbuild-define": {"defines": {…}},
///   "dotenv": {"prefix": "APP_"}
/// }
/// ```
public struct BuildSettings: Sendable {
    /// The environments `--all` builds; `nil` for every environment of the project.
    public var environments: [String]?
    /// The formats `--all` writes.
    public var formats: [ArtifactFormat]
    /// File names by format, relative to each environment's folder.
    public var fileNames: [ArtifactFormat: String]
    /// The Swift artifact's settings.
    public var swift: SwiftArtifactSettings
    /// The JavaScript module's surface.
    public var js: JSModuleSettings
    /// The esbuild constants.
    public var esbuildDefine: EsbuildDefineSettings
    /// The dotenv variables.
    public var dotenv: DotenvSettings
    /// The formats that may carry secrets in clear (`build.allow-secrets`, such as `["dotenv"]`
    /// for a server's environment file); none by default.
    public var formatsAllowedSecrets: Set<ArtifactFormat> = []

    /// The settings of a project whose `bers.json` has no `build` section.
    public init() {
        environments = nil
        formats = ArtifactFormat.allCases
        fileNames = [:]
        swift = SwiftArtifactSettings()
        js = JSModuleSettings()
        esbuildDefine = EsbuildDefineSettings()
        dotenv = DotenvSettings()
    }

    /// Reads the `build` section of `project`'s `bers.json`.
    ///
    /// - Throws: ``BuildError`` `build.invalid-settings` (or `build.invalid-identifier`,
    ///   `build.unknown-format`, `build.missing-value`) with the `file:line:col` of the offending value.
    public init(project: ConfigProject) throws(BuildError) {
        self.init()
        guard let document = project.settings.document else { return }
        let reader = SettingsReader(document: document)
        let base: JSONPointer = "/build"
        guard try reader.object(at: base) != nil else { return }
        try reader.rejectUnknownKeys(
            at: base,
            allowed: ["environments", "formats", "files", "swift", "js", "esbuild-define", "dotenv", "allow-secrets"]
        )
        let catalog = project.catalog

        if let names = try reader.strings(at: base.appending("environments")) {
            for (index, name) in names.enumerated() {
                if let problem = catalog.rejectionReason(for: name) {
                    throw reader.fail(
                        base.appending("environments").appending(index: index),
                        problem,
                        code: .missingValue
                    )
                }
            }
            environments = names
        }
        if let names = try reader.strings(at: base.appending("formats")) {
            formats = []
            for (index, name) in names.enumerated() {
                do {
                    formats.append(try ArtifactFormat(name: name))
                } catch {
                    throw reader.fail(
                        base.appending("formats").appending(index: index),
                        error.message,
                        code: .unknownFormat
                    )
                }
            }
        }
        if let names = try reader.strings(at: base.appending("allow-secrets")) {
            for (index, name) in names.enumerated() {
                do {
                    formatsAllowedSecrets.insert(try ArtifactFormat(name: name))
                } catch {
                    throw reader.fail(
                        base.appending("allow-secrets").appending(index: index),
                        error.message,
                        code: .unknownFormat
                    )
                }
            }
        }
        if let files = try reader.object(at: base.appending("files")) {
            for key in files.keys {
                let pointer = base.appending("files").appending(key)
                let format: ArtifactFormat
                do { format = try ArtifactFormat(name: key) } catch {
                    throw reader.failAtKey(pointer, error.message, code: .unknownFormat)
                }
                guard let name = try reader.string(at: pointer), Self.isRelativeFileName(name) else {
                    throw reader.fail(pointer, "expected a relative file name without '..' segments")
                }
                fileNames[format] = name
            }
        }
        swift = try SwiftArtifactSettings.read(reader, at: base.appending("swift"))
        js = try JSModuleSettings.read(reader, at: base.appending("js"), catalog: catalog)
        esbuildDefine = try EsbuildDefineSettings.read(reader, at: base.appending("esbuild-define"), catalog: catalog)
        dotenv = try DotenvSettings.read(reader, at: base.appending("dotenv"), catalog: catalog)
    }

    /// The file name of `format`'s artifact in an environment's folder.
    public func fileName(for format: ArtifactFormat) -> String {
        if let name = fileNames[format] { return name }
        if format == .swift { return "\(swift.typeName).swift" }
        return format.defaultFileName
    }

    /// The environments `--all` builds: the listed ones, else every environment of `catalog`.
    public func environmentNames(in catalog: EnvironmentCatalog) -> [String] {
        environments ?? catalog.names
    }

    private static func isRelativeFileName(_ name: String) -> Bool {
        !name.isEmpty && !PathText.isAbsolute(name) && !PathText.climbs(name)
            && name != "bers-manifest.json"
    }
}
