import BERSJSON

/// The `build.swift` section: how the Swift artifact is written.
///
/// ```json
/// "swift": {"type-name": "Config", "access": "public"}
/// ```
public struct SwiftArtifactSettings: Sendable, Hashable {
    /// The access level of the generated declarations.
    public enum Access: String, Sendable, Hashable, CaseIterable {
        /// `public`: the constants are API of the module that compiles them.
        case `public`
        /// `package`.
        case package
        /// `internal`.
        case `internal`
    }

    /// The name of the root namespace (`Config` gives `Config.api.timeout`).
    public var typeName: String
    /// The access level of every generated declaration.
    public var access: Access

    /// Settings with these values; `Config` and `public` by default.
    public init(typeName: String = "Config", access: Access = .public) {
        self.typeName = typeName
        self.access = access
    }

    static func read(_ reader: SettingsReader, at pointer: JSONPointer) throws(BuildError) -> SwiftArtifactSettings {
        try reader.rejectUnknownKeys(at: pointer, allowed: ["type-name", "access"])
        var settings = SwiftArtifactSettings()
        if let name = try reader.string(at: pointer.appending("type-name")) {
            guard SwiftIdentifier.isPlain(name), !SwiftIdentifier.reservedEverywhere.contains(name) else {
                throw reader.fail(
                    pointer.appending("type-name"),
                    "\"\(name)\" is not a usable Swift type name",
                    code: .invalidIdentifier
                )
            }
            settings.typeName = name
        }
        if let access = try reader.choice(at: pointer.appending("access"), Access.allCases.map(\.rawValue)) {
            settings.access = Access(rawValue: access) ?? .public
        }
        return settings
    }
}
