import BERS
import BERSJSON

/// Where a value written into an artifact comes from, as the `build` section declares it.
///
/// ```json
/// "api.baseUrl"                              a configuration value (dotted path or JSON pointer)
/// {"path": "api.timeout", "max": 10000}      the same, capped (numbers only)
/// {"endpoint": "config"}                     the URL of an endpoint that takes no parameter
/// {"value": "application/json"}              a literal JSON value
/// {"build": "environment"}                   build metadata: environment, time, inputs-hash,
///                                            bers-version, tenant
/// {"is-environment": "staging"}              true when building staging (or an environment
///                                            inheriting from it); a list is allowed
/// ```
public struct ValueSpec: Sendable, Hashable {
    /// What the value is read from.
    public enum Source: Sendable, Hashable {
        /// A value of the resolved configuration.
        case path(String)
        /// The URL of an endpoint without parameters.
        case endpoint(String)
        /// A literal value.
        case literal(JSONValue)
        /// Build metadata.
        case build(BuildField)
        /// Whether the environment built is (or inherits from) one of these.
        case isEnvironment([String])
    }

    /// Build metadata a value can name.
    public enum BuildField: String, Sendable, Hashable, CaseIterable {
        /// The environment's name.
        case environment
        /// The build time (`--build-time`) as ISO 8601, or `null` for a reproducible build.
        case time
        /// `sha256:` and the hash of the inputs.
        case inputsHash = "inputs-hash"
        /// The version of BERS that built the artifact.
        case bersVersion = "bers-version"
        /// The tenant hash of a `--tenant` build, or `null`.
        case tenant
    }

    /// What the value is read from.
    public var source: Source
    /// A cap for numbers (an integer or a double): the value is `min(value, maximum)`.
    public var maximum: JSONValue?
    /// Where the declaration is written, for errors.
    public var location: SourceLocation?

    /// A value read from `source`.
    ///
    /// - Parameters:
    ///   - source: what the value is read from.
    ///   - maximum: a cap for numbers.
    ///   - location: where the declaration is written.
    public init(_ source: Source, maximum: JSONValue? = nil, location: SourceLocation? = nil) {
        self.source = source
        self.maximum = maximum
        self.location = location
    }

    /// Reads a declaration at `pointer`: a string path or an object with one source key.
    static func read(
        _ reader: SettingsReader,
        at pointer: JSONPointer,
        catalog: EnvironmentCatalog
    ) throws(BuildError) -> ValueSpec {
        let location = reader.location(of: pointer)
        guard let value = reader.value(at: pointer) else { throw reader.fail(pointer, "a value is required") }
        if case .string(let path) = value {
            guard !path.isEmpty else { throw reader.fail(pointer, "the path must not be empty") }
            return ValueSpec(.path(path), location: location)
        }
        let sources = ["path", "endpoint", "value", "build", "is-environment"]
        try reader.rejectUnknownKeys(at: pointer, allowed: sources + ["max"])
        guard case .object(let object) = value else {
            throw reader.fail(
                pointer,
                "expected a path or an object with one of \(sources.joined(separator: ", ")); found \(value.typeName)"
            )
        }
        let present = sources.filter { object[$0] != nil }
        guard present.count == 1, let key = present.first else {
            throw reader.fail(pointer, "expected exactly one of \(sources.joined(separator: ", "))")
        }
        let source: Source
        switch key {
        case "path": source = .path(try reader.string(at: pointer.appending("path")) ?? "")
        case "endpoint": source = .endpoint(try reader.string(at: pointer.appending("endpoint")) ?? "")
        case "value": source = .literal(object["value"] ?? .null)
        case "build":
            let name = try reader.choice(at: pointer.appending("build"), BuildField.allCases.map(\.rawValue)) ?? ""
            source = .build(BuildField(rawValue: name) ?? .environment)
        default:
            source = .isEnvironment(
                try readEnvironmentNames(reader, at: pointer.appending("is-environment"), catalog: catalog)
            )
        }
        var maximum: JSONValue?
        if let cap = object["max"] {
            guard cap.doubleValue != nil else {
                throw reader.fail(pointer.appending("max"), "expected a number, found \(cap.typeName)")
            }
            maximum = cap
        }
        return ValueSpec(source, maximum: maximum, location: location)
    }

    /// An environment name or a list of them, each known to `catalog`.
    static func readEnvironmentNames(
        _ reader: SettingsReader,
        at pointer: JSONPointer,
        catalog: EnvironmentCatalog
    ) throws(BuildError) -> [String] {
        let names: [String]
        if case .string(let single)? = reader.value(at: pointer) {
            names = [single]
        } else {
            names = try reader.strings(at: pointer) ?? []
        }
        guard !names.isEmpty else { throw reader.fail(pointer, "name at least one environment") }
        for name in names {
            if let problem = catalog.rejectionReason(for: name) {
                throw reader.fail(pointer, problem, code: .missingValue)
            }
        }
        return names
    }
}
