import BERS
import BERSJSON

/// `bers-manifest.json`, written by `bers build --all` beside the environments' folders: what was
/// built from what, so that `bers build --check` can rebuild it in memory and compare.
///
/// Paths are relative to the manifest's folder, and nothing in it depends on the time or the
/// machine, so it is as reproducible as the artifacts. The config directory is recorded relative
/// to the manifest's folder too: building into another place relative to the config directory
/// changes that one member (the same layout gives the same bytes).
public struct BuildManifest: Sendable, Hashable {
    /// An artifact of an environment.
    public struct Output: Sendable, Hashable {
        /// Its format.
        public var format: ArtifactFormat
        /// Its path, relative to the manifest's folder.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int
        /// The lowercase hex SHA-256 of its bytes.
        public var sha256: String
        /// The debug environment of a two-environment Swift artifact.
        public var debugEnvironment: String?
        /// The secrets it carries (JSON pointers), when `build.allow-secrets` lets its format: the
        /// artifact must then be handled as a secret itself.
        public var secrets: [String] = []
    }

    /// One environment.
    public struct Entry: Sendable, Hashable {
        /// The environment's name.
        public var environment: String
        /// The detection source stamped into its artifacts.
        public var detection: String
        /// The combined hash of its inputs.
        public var inputsHash: String
        /// Its inputs.
        public var inputs: [InputFile]
        /// Its artifacts.
        public var outputs: [Output]
    }

    /// The manifest's file name.
    public static let fileName = "bers-manifest.json"

    /// The version of BERS that built the artifacts.
    public var bersVersion: String
    /// The `--set` assignments applied.
    public var assignments: [String]
    /// Whether `local.*` layers were read.
    public var includeLocalLayers: Bool
    /// Whether the JSON artifacts carry provenance.
    public var provenance: Bool
    /// The build time stamped, if any.
    public var buildTime: String?
    /// The tenant of a tenant build.
    public var tenant: String?
    /// The config directory the artifacts were built from, relative to the manifest's folder
    /// (absolute when no relative path leads there), so `bers build --check` finds it by itself.
    public var configDirectory: String?
    /// The environments, in build order.
    public var entries: [Entry]

    /// The manifest as JSON.
    public var jsonValue: JSONValue {
        [
            "bersVersion": .string(bersVersion),
            "configDirectory": configDirectory.map(JSONValue.string) ?? .null,
            "options": [
                "set": .array(assignments.map(JSONValue.string)),
                "includeLocal": .bool(includeLocalLayers),
                "provenance": .bool(provenance),
                "buildTime": buildTime.map(JSONValue.string) ?? .null,
                "tenant": tenant.map(JSONValue.string) ?? .null,
            ],
            "environments": .array(
                entries.map { entry in
                    [
                        "environment": .string(entry.environment),
                        "detection": .string(entry.detection),
                        "inputsHash": .string(entry.inputsHash),
                        "inputs": .array(
                            entry.inputs.map {
                                [
                                    "role": .string($0.role.rawValue), "name": .string($0.name),
                                    "sha256": .string($0.sha256),
                                ]
                            }
                        ),
                        "outputs": .array(
                            entry.outputs.map { output in
                                var object: JSONObject = [
                                    "format": .string(output.format.rawValue), "path": .string(output.path),
                                    "bytes": .integer(Int64(output.bytes)), "sha256": .string(output.sha256),
                                ]
                                if let debug = output.debugEnvironment { object["debugEnvironment"] = .string(debug) }
                                if !output.secrets.isEmpty {
                                    object["secrets"] = .array(output.secrets.map(JSONValue.string))
                                }
                                return .object(object)
                            }
                        ),
                    ]
                }
            ),
        ]
    }

    /// A manifest with these fields.
    public init(
        bersVersion: String,
        assignments: [String],
        includeLocalLayers: Bool,
        provenance: Bool,
        buildTime: String?,
        tenant: String?,
        configDirectory: String? = nil,
        entries: [Entry]
    ) {
        self.bersVersion = bersVersion
        self.assignments = assignments
        self.includeLocalLayers = includeLocalLayers
        self.provenance = provenance
        self.buildTime = buildTime
        self.tenant = tenant
        self.configDirectory = configDirectory
        self.entries = entries
    }

    /// Reads `directory/bers-manifest.json`.
    ///
    /// - Throws: ``BuildError`` `build.invalid-manifest` when it is missing, unreadable or
    ///   malformed, saying how to build the folder.
    public static func read(directory: String, fileSystem: any FileSystem) throws(BuildError) -> BuildManifest {
        let path = joinPath(directory, fileName)
        let rebuild = "build the folder with bers build --all --out \(directory)"
        let bytes: [UInt8]
        do { bytes = try fileSystem.contents(atPath: path) } catch {
            let reason = fileSystem.itemKind(atPath: path) == .missing ? "\(path) does not exist" : error.message
            throw BuildError(.invalidManifest, "\(reason); \(rebuild)", underlying: error)
        }
        do {
            return try BuildManifest(document: try JSONParser().parse(bytes, file: path))
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(.invalidManifest, "\(error); \(rebuild)", underlying: error)
        }
    }

    /// The config directory recorded in the manifest of `manifestDirectory`, as a path usable
    /// from the current directory.
    ///
    /// The recorded path leads from where the manifest's folder really is (links resolved), so
    /// `dist/../config` is resolved by the system; it is written `config` when that names the
    /// same directory, as it does unless `dist` is a link.
    public func recordedConfigDirectory(manifestDirectory: String, fileSystem: any FileSystem) -> String? {
        guard let configDirectory else { return nil }
        let joined = joinPath(manifestDirectory, configDirectory)
        let tidy = PathText.normalized(joined)
        return fileSystem.canonicalPath(tidy) == fileSystem.canonicalPath(joined) ? tidy : joined
    }

    /// Reads a manifest.
    ///
    /// - Throws: ``BuildError`` `build.invalid-manifest` naming the member that is missing or wrong.
    public init(document: JSONDocument) throws(BuildError) {
        let value = document.value
        func fail(_ what: String) -> BuildError {
            BuildError(.invalidManifest, "\(document.file): \(what); rebuild with bers build --all")
        }
        func string(_ value: JSONValue?, _ name: String) throws(BuildError) -> String {
            guard let text = value?.stringValue else { throw fail("\"\(name)\" must be a string") }
            return text
        }
        guard case .object = value, let options = value["options"]?.objectValue,
            let environments = value["environments"]?.arrayValue
        else {
            throw fail("expected an object with \"options\" and \"environments\"")
        }
        bersVersion = try string(value["bersVersion"], "bersVersion")
        assignments = options["set"]?.arrayValue?.compactMap(\.stringValue) ?? []
        includeLocalLayers = options["includeLocal"]?.boolValue ?? false
        provenance = options["provenance"]?.boolValue ?? false
        buildTime = options["buildTime"]?.stringValue
        tenant = options["tenant"]?.stringValue
        configDirectory = value["configDirectory"]?.stringValue
        entries = []
        for environment in environments {
            var inputs: [InputFile] = []
            for input in environment["inputs"]?.arrayValue ?? [] {
                guard let role = InputFile.Role(rawValue: try string(input["role"], "role")) else {
                    throw fail("unknown input role")
                }
                inputs.append(
                    InputFile(
                        role: role,
                        name: try string(input["name"], "name"),
                        sha256: try string(input["sha256"], "sha256")
                    )
                )
            }
            var outputs: [Output] = []
            for output in environment["outputs"]?.arrayValue ?? [] {
                let format: ArtifactFormat
                do { format = try ArtifactFormat(name: try string(output["format"], "format")) } catch {
                    throw fail(error.message)
                }
                let path = try string(output["path"], "path")
                guard !PathText.isAbsolute(path), !PathText.climbs(path) else {
                    throw fail("output path \(path) leaves the folder")
                }
                outputs.append(
                    Output(
                        format: format,
                        path: path,
                        bytes: Int(output["bytes"]?.integerValue ?? -1),
                        sha256: try string(output["sha256"], "sha256"),
                        debugEnvironment: output["debugEnvironment"]?.stringValue,
                        secrets: output["secrets"]?.arrayValue?.compactMap(\.stringValue) ?? []
                    )
                )
            }
            entries.append(
                Entry(
                    environment: try string(environment["environment"], "environment"),
                    detection: try string(environment["detection"], "detection"),
                    inputsHash: try string(environment["inputsHash"], "inputsHash"),
                    inputs: inputs,
                    outputs: outputs
                )
            )
        }
    }
}
