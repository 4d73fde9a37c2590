import BERSJSON

/// The `serve.legacy` section of `bers.json`: what the legacy `get_config` route adds to a
/// tenant document, so that a widget written for the original Lambda gets what it expects.
///
/// ```json
/// "legacy": {
///   "defaults": "widget-defaults.json",
///   "decorations": {
///     "_cloudfront.urls.avatar": {"endpoint": "tenantAssetUrl", "parameters": {"path": "avatar.png"}}
///   }
/// }
/// ```
public struct LegacyRouteSettings: Sendable, Hashable {
    /// A JSON document whose top-level members are added to a tenant document that lacks them.
    public var defaults: String?
    /// The blocks added to every document, sorted by path.
    public var decorations: [Decoration]

    /// A value the route computes from an endpoint template of the environment, with `{tenant}`
    /// filled with the requested hash.
    public struct Decoration: Sendable, Hashable {
        /// Where it goes: a dotted path from the document's root (`_cloudfront.urls.avatar`).
        public var path: String
        /// The endpoint of the environment's `endpoints` table.
        public var endpoint: String
        /// The template's other parameters.
        public var parameters: [String: String]

        /// A decoration at `path` computed from `endpoint`.
        public init(path: String, endpoint: String, parameters: [String: String] = [:]) {
            self.path = path
            self.endpoint = endpoint
            self.parameters = parameters
        }
    }

    /// No defaults, no decorations.
    public init(defaults: String? = nil, decorations: [Decoration] = []) {
        self.defaults = defaults
        self.decorations = decorations
    }

    /// Reads `serve.legacy`.
    init(reader: DocumentReader) throws(ConfigError) {
        self.init()
        try reader.rejectUnknownKeys(at: "/serve/legacy", allowed: ["defaults", "decorations"])
        defaults = try reader.string(at: "/serve/legacy/defaults")
        guard let blocks = try reader.object(at: "/serve/legacy/decorations") else { return }
        for (path, _) in blocks {
            decorations.append(try Self.decoration(at: path, reader: reader))
        }
        decorations.sort { $0.path < $1.path }
    }

    private static func decoration(at path: String, reader: DocumentReader) throws(ConfigError) -> Decoration {
        let pointer = JSONPointer(tokens: ["serve", "legacy", "decorations", path])
        guard !path.isEmpty, !path.split(separator: ".", omittingEmptySubsequences: false).contains("") else {
            throw reader.failAtKey(pointer, "a decoration path is dotted keys, like _cloudfront.urls.avatar")
        }
        try reader.rejectUnknownKeys(at: pointer, allowed: ["endpoint", "parameters"])
        guard let endpoint = try reader.string(at: pointer.appending("endpoint")) else {
            throw reader.fail(pointer, "a decoration names the endpoint it is computed from (\"endpoint\")")
        }
        var parameters: [String: String] = [:]
        for (name, value) in try reader.object(at: pointer.appending("parameters")) ?? [:] {
            guard case .string(let text) = value else {
                throw reader.fail(pointer.appending("parameters").appending(name), "a parameter is a string")
            }
            parameters[name] = text
        }
        return Decoration(path: path, endpoint: endpoint, parameters: parameters)
    }
}
