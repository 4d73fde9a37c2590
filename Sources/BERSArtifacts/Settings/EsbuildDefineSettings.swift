import BERS
import BERSJSON

/// The `build.esbuild-define` section: the build constants and where their values come from.
///
/// ```json
/// "esbuild-define": {
///   "defines": {"__ENVIRONMENT__": {"build": "environment"}, "__API_BASE_URL__": "api.baseUrl",
///               "__IS_STAGING__": {"is-environment": "staging"}}
/// }
/// ```
///
/// Without `defines`, the artifact defines `__ENVIRONMENT__` and `__CONFIG__` (the whole
/// configuration).
public struct EsbuildDefineSettings: Sendable, Hashable {
    /// The constants, in order; `nil` for the default pair.
    public var defines: [NamedValue]?
    /// How integers beyond ±2^53 are written (`bigint` is not allowed: esbuild reads JSON).
    public var largeIntegers: LargeIntegerEncoding

    /// Settings with these values.
    public init(defines: [NamedValue]? = nil, largeIntegers: LargeIntegerEncoding = .error) {
        self.defines = defines
        self.largeIntegers = largeIntegers
    }

    /// The constants defined when `defines` is absent.
    public static let defaultDefines = [
        NamedValue(name: "__ENVIRONMENT__", spec: ValueSpec(.build(.environment))),
        NamedValue(name: "__CONFIG__", spec: ValueSpec(.path(""))),
    ]

    static func read(
        _ reader: SettingsReader,
        at pointer: JSONPointer,
        catalog: EnvironmentCatalog
    ) throws(BuildError) -> EsbuildDefineSettings {
        try reader.rejectUnknownKeys(at: pointer, allowed: ["defines", "large-integers"])
        var settings = EsbuildDefineSettings()
        settings.defines = try NamedValue.readMap(reader, at: pointer.appending("defines"), catalog: catalog)
        for define in settings.defines ?? [] where !JSIdentifier.isDefineName(define.name) {
            throw reader.failAtKey(
                pointer.appending("defines").appending(define.name),
                "\"\(define.name)\" is not an identifier or a dotted member expression esbuild can define",
                code: .invalidIdentifier
            )
        }
        if let encoding = try reader.choice(at: pointer.appending("large-integers"), ["error", "string"]) {
            settings.largeIntegers = LargeIntegerEncoding(rawValue: encoding) ?? .error
        }
        return settings
    }
}
