import BERS
import BERSJSON

/// The `build.js` section: the surface of the generated ES module.
///
/// ```json
/// "js": {
///   "object": "config",
///   "constants": {"ENVIRONMENT": {"build": "environment"}, "API_BASE_URL": "api.baseUrl"},
///   "functions": {"getConfigUrl": {"kind": "url", "endpoint": "configUrl", "arguments": [{"tenantHash": "tenant"}]}},
///   "large-integers": "error"
/// }
/// ```
///
/// The module exports the frozen object under `object` and as its default export. With neither
/// `constants` nor `functions`, the object is the whole resolved configuration, deeply frozen.
public struct JSModuleSettings: Sendable, Hashable {
    /// The name of the exported object.
    public var objectName: String
    /// The object's constants, in order.
    public var constants: [NamedValue]
    /// The object's functions, in order.
    public var functions: [FunctionSpec]
    /// How integers beyond ±2^53 are written.
    public var largeIntegers: LargeIntegerEncoding

    /// Settings with these values: by default the object `config` holding the whole configuration.
    public init(
        objectName: String = "config",
        constants: [NamedValue] = [],
        functions: [FunctionSpec] = [],
        largeIntegers: LargeIntegerEncoding = .error
    ) {
        self.objectName = objectName
        self.constants = constants
        self.functions = functions
        self.largeIntegers = largeIntegers
    }

    /// Whether a surface is declared (otherwise the whole configuration is exported).
    public var declaresSurface: Bool { !constants.isEmpty || !functions.isEmpty }

    static func read(
        _ reader: SettingsReader,
        at pointer: JSONPointer,
        catalog: EnvironmentCatalog
    ) throws(BuildError) -> JSModuleSettings {
        try reader.rejectUnknownKeys(at: pointer, allowed: ["object", "constants", "functions", "large-integers"])
        var settings = JSModuleSettings()
        if let name = try reader.string(at: pointer.appending("object")) {
            guard JSIdentifier.isValid(name) else {
                throw reader.fail(
                    pointer.appending("object"),
                    "\"\(name)\" is not a valid JavaScript identifier",
                    code: .invalidIdentifier
                )
            }
            settings.objectName = name
        }
        settings.constants = try NamedValue.readMap(reader, at: pointer.appending("constants"), catalog: catalog) ?? []
        if let functions = try reader.object(at: pointer.appending("functions")) {
            for name in functions.keys {
                if settings.constants.contains(where: { $0.name == name }) {
                    throw reader.failAtKey(
                        pointer.appending("functions").appending(name),
                        "\"\(name)\" is also a constant"
                    )
                }
                settings.functions.append(
                    try FunctionSpec.read(
                        reader,
                        name: name,
                        at: pointer.appending("functions").appending(name),
                        catalog: catalog
                    )
                )
            }
        }
        if let encoding = try reader.choice(
            at: pointer.appending("large-integers"),
            LargeIntegerEncoding.allCases.map(\.rawValue)
        ) {
            settings.largeIntegers = LargeIntegerEncoding(rawValue: encoding) ?? .error
        }
        return settings
    }
}
