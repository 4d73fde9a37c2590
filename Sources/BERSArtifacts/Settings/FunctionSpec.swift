import BERS
import BERSJSON

/// A function the generated JavaScript module exports, as `build.js.functions` declares it.
///
/// ```json
/// "getConfigUrl":      {"kind": "url", "endpoint": "configUrl", "arguments": [{"tenantHash": "tenant"}]},
/// "getAssetUrl":       {"kind": "url", "endpoint": "assetUrl", "arguments": ["path"]},
/// "getDefaultTenantHash": {"kind": "constant", "value": "widget.defaultTenantHash"},
/// "isStaging":         {"kind": "environment-is", "environment": "staging"},
/// "getBuildInfo":      {"kind": "build-info", "fields": {"environment": {"build": "environment"}}},
/// "getRequestConfig":  {"kind": "request-config",
///                       "fields": {"timeout": {"path": "api.timeout", "max": 10000}},
///                       "headers": {"Accept": {"value": "application/json"}},
///                       "abort-signal": "timeout"}
/// ```
public struct FunctionSpec: Sendable, Hashable {
    /// An argument of a URL builder and the template parameter it fills.
    public struct Argument: Sendable, Hashable {
        /// The JavaScript parameter name, used in error messages.
        public var name: String
        /// The endpoint template's parameter.
        public var parameter: String

        /// An argument filling `parameter`.
        public init(name: String, parameter: String) {
            self.name = name
            self.parameter = parameter
        }
    }

    /// What the function does.
    public enum Kind: Sendable, Hashable {
        /// Builds the URL of an endpoint from its arguments; a missing required argument throws
        /// `<function>: <argument> is required` (or `message`, where `{function}` and
        /// `{argument}` are replaced).
        case url(endpoint: String, arguments: [Argument], message: String?)
        /// Returns a value.
        case constant(ValueSpec)
        /// Returns whether the environment built is (or inherits from) one of these.
        case environmentIs([String])
        /// Returns a new frozen object of these fields.
        case buildInfo([NamedValue])
        /// Returns fetch options: the fields, the headers (the caller's merged over them), the
        /// caller's other options merged over the fields, and an `AbortSignal.timeout` of the
        /// field named by `abortSignal` when the platform has one and the caller gave no signal.
        case requestConfig(fields: [NamedValue], headers: [NamedValue], abortSignal: String?)
    }

    /// The function's name.
    public var name: String
    /// What it does.
    public var kind: Kind
    /// Where it is declared, for errors.
    public var location: SourceLocation?

    /// A function called `name`.
    public init(name: String, kind: Kind, location: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.location = location
    }

    /// The fields `build-info` returns when none are declared.
    public static let defaultBuildInfoFields: [NamedValue] = [
        NamedValue(name: "environment", spec: ValueSpec(.build(.environment))),
        NamedValue(name: "timestamp", spec: ValueSpec(.build(.time))),
        NamedValue(name: "inputsHash", spec: ValueSpec(.build(.inputsHash))),
        NamedValue(name: "bersVersion", spec: ValueSpec(.build(.bersVersion))),
    ]

    static let kinds = ["url", "constant", "environment-is", "build-info", "request-config"]

    /// Reads the declaration of `name` at `pointer`.
    static func read(
        _ reader: SettingsReader,
        name: String,
        at pointer: JSONPointer,
        catalog: EnvironmentCatalog
    ) throws(BuildError) -> FunctionSpec {
        let location = reader.location(of: pointer)
        guard try reader.object(at: pointer) != nil else {
            throw reader.fail(pointer, "expected an object with \"kind\"")
        }
        guard let kind = try reader.choice(at: pointer.appending("kind"), kinds) else {
            throw reader.fail(pointer, "\"kind\" is required (one of \(kinds.joined(separator: ", ")))")
        }
        switch kind {
        case "url":
            try reader.rejectUnknownKeys(at: pointer, allowed: ["kind", "endpoint", "arguments", "message"])
            guard let endpoint = try reader.string(at: pointer.appending("endpoint")) else {
                throw reader.fail(pointer, "a url function needs \"endpoint\"")
            }
            let arguments = try readArguments(reader, at: pointer.appending("arguments"))
            let message = try reader.string(at: pointer.appending("message"))
            return FunctionSpec(
                name: name,
                kind: .url(endpoint: endpoint, arguments: arguments, message: message),
                location: location
            )
        case "constant":
            try reader.rejectUnknownKeys(at: pointer, allowed: ["kind", "value"])
            let spec = try ValueSpec.read(reader, at: pointer.appending("value"), catalog: catalog)
            return FunctionSpec(name: name, kind: .constant(spec), location: location)
        case "environment-is":
            try reader.rejectUnknownKeys(at: pointer, allowed: ["kind", "environment"])
            guard reader.value(at: pointer.appending("environment")) != nil else {
                throw reader.fail(pointer, "an environment-is function needs \"environment\"")
            }
            let names = try ValueSpec.readEnvironmentNames(
                reader,
                at: pointer.appending("environment"),
                catalog: catalog
            )
            return FunctionSpec(name: name, kind: .environmentIs(names), location: location)
        case "build-info":
            try reader.rejectUnknownKeys(at: pointer, allowed: ["kind", "fields"])
            let fields = try NamedValue.readMap(reader, at: pointer.appending("fields"), catalog: catalog)
            return FunctionSpec(name: name, kind: .buildInfo(fields ?? defaultBuildInfoFields), location: location)
        default:
            try reader.rejectUnknownKeys(at: pointer, allowed: ["kind", "fields", "headers", "abort-signal"])
            let fields = try NamedValue.readMap(reader, at: pointer.appending("fields"), catalog: catalog) ?? []
            let headers = try NamedValue.readMap(reader, at: pointer.appending("headers"), catalog: catalog) ?? []
            let abortSignal = try reader.string(at: pointer.appending("abort-signal"))
            if let abortSignal, !fields.contains(where: { $0.name == abortSignal }) {
                throw reader.fail(
                    pointer.appending("abort-signal"),
                    "names no field (fields: \(fields.map(\.name).joined(separator: ", ")))"
                )
            }
            return FunctionSpec(
                name: name,
                kind: .requestConfig(fields: fields, headers: headers, abortSignal: abortSignal),
                location: location
            )
        }
    }

    /// `["path", {"tenantHash": "tenant"}]`: a name alone fills the parameter of the same name.
    private static func readArguments(_ reader: SettingsReader, at pointer: JSONPointer) throws(BuildError)
        -> [Argument]
    {
        guard let value = reader.value(at: pointer) else { return [] }
        guard case .array(let elements) = value else {
            throw reader.fail(pointer, "expected an array of argument names or {\"argument\": \"parameter\"} objects")
        }
        var arguments: [Argument] = []
        for (index, element) in elements.enumerated() {
            let at = pointer.appending(index: index)
            let argument: Argument
            switch element {
            case .string(let name):
                argument = Argument(name: name, parameter: name)
            case .object(let object) where object.count == 1:
                guard case .string(let parameter) = object[0].value else {
                    throw reader.fail(at.appending(object[0].key), "expected the template parameter's name")
                }
                argument = Argument(name: object[0].key, parameter: parameter)
            default:
                throw reader.fail(at, "expected an argument name or a one-key object {\"argument\": \"parameter\"}")
            }
            guard JSIdentifier.isValid(argument.name) else {
                throw reader.fail(
                    at,
                    "\"\(argument.name)\" is not a valid JavaScript parameter name",
                    code: .invalidIdentifier
                )
            }
            guard !arguments.contains(where: { $0.name == argument.name }) else {
                throw reader.fail(at, "argument \"\(argument.name)\" is declared twice")
            }
            arguments.append(argument)
        }
        return arguments
    }
}
