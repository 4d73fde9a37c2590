import BERSJSON

/// An endpoint of the `endpoints` section, bound to one resolved configuration: configuration
/// values are already in place and encoded, only call-time parameters remain.
///
/// ```json
/// "endpoints": {
///   "config": "{api.baseUrl}?action=get_config",
///   "configUrl": "{endpoints.config}&t={tenant}",
///   "streamingUrl": {"template": "{api.streamingUrl}", "requires": ["tenant"],
///                    "description": "the hash travels in the POST body"}
/// }
/// ```
public struct Endpoint: Sendable {
    /// A piece of a compiled template: text already in place and encoded, or a call-time slot.
    ///
    /// Code generators (`bers build`) read the pieces to write builders that render exactly as
    /// ``url(_:)`` does.
    public enum Piece: Sendable, Hashable {
        /// Text, configuration values included, already encoded.
        case text(String)
        /// A call-time parameter: `{name}`, `{+name}` (keeps `/`), `{name?}` (optional).
        case slot(name: String, keepSlashes: Bool, optional: Bool)
    }

    /// The endpoint's name.
    public let name: String
    /// The template as written (after inlining other endpoints).
    public let template: String
    /// The description, if the object form gave one.
    public let description: String?
    /// Parameters the call must give.
    public let requiredParameters: [String]
    /// Parameters the call may give.
    public let optionalParameters: [String]
    /// The configuration paths the template names whose values are secret, as the template
    /// writes them: a URL rendered from it carries them, so it is itself a secret
    /// (`<redacted>` unless they are revealed; see ``RenderedURL``).
    public let secretPaths: [String]

    /// The pieces before the query (the base URL and the path).
    public let path: [Piece]
    /// The query items, each a list of pieces; rendered behind one `?` and `&`s, an item whose
    /// optional parameter is missing dropped.
    public let query: [[Piece]]
    /// The fragment's pieces, if any.
    public let fragment: [Piece]?
    /// Whether runs of `/` are collapsed in the rendered path (a `{+name}` or optional parameter
    /// is in it); otherwise the text pieces are collapsed already.
    public let collapsesAfterRender: Bool
    /// The compiled form that renders URLs: one shared object, so that copying an endpoint out
    /// of a table costs one reference count.
    let renderer: URLRenderer

    init(
        name: String,
        template: EndpointTemplate,
        description: String?,
        requires: [String],
        lookup: (String) -> JSONValue?,
        isSecret: (String) -> Bool
    ) throws(ConfigError) {
        func invalid(_ why: String) -> ConfigError {
            ConfigError(.invalidTemplate, "endpoint \"\(name)\": \(why)")
        }
        func value(of path: String) throws(ConfigError) -> String {
            guard let value = lookup(path) else { throw invalid("\"{\(path)}\" names no value in the configuration") }
            switch value {
            case .string(let string): return string
            case .integer, .double, .bool: return value.jsonText
            default: throw invalid("\"{\(path)}\" is \(value.typeName), not a string, number or boolean")
            }
        }
        func bind(_ pieces: [EndpointTemplate.Piece], mode: PercentEncoding.Mode, allowBase: Bool) throws(ConfigError)
            -> [Piece]
        {
            var bound: [Piece] = []
            for (offset, piece) in pieces.enumerated() {
                switch piece {
                case .literal(let text):
                    bound.append(.text(text))
                case .reference(let path):
                    let text = try value(of: path)
                    bound.append(.text(allowBase && offset == 0 ? text : PercentEncoding.encode(text, mode: mode)))
                case .parameter(let name, let keepSlashes, let optional):
                    bound.append(.slot(name: name, keepSlashes: keepSlashes, optional: optional))
                }
            }
            return Endpoint.joiningText(bound)
        }

        if case .reference(let basePath)? = template.path.first, template.path.count > 1 {
            let base = try value(of: basePath)
            if base.contains("?") || base.contains("#") {
                let shown = isSecret(basePath) ? SecretRedaction.placeholder : base
                throw invalid("the template adds a path after the query or fragment of its base URL \"\(shown)\"")
            }
        }
        var path = try bind(template.path, mode: .component, allowBase: true)
        var query = try template.query.map { item throws(ConfigError) in
            try bind(item, mode: .component, allowBase: false)
        }
        var fragment = try template.fragment.map { pieces throws(ConfigError) in
            try bind(pieces, mode: .component, allowBase: false)
        }

        // A base URL with its own query or fragment: its items come first.
        if case .text(let base)? = path.first, let cut = base.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            let main = String(base[..<cut])
            var rest = base[cut...]
            var baseFragment: String?
            if let hash = rest.firstIndex(of: "#") {
                baseFragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            let items = rest.dropFirst().split(separator: "&").map { [Piece.text(String($0))] }
            query = items + query
            if fragment == nil, let baseFragment { fragment = [.text(baseFragment)] }
            path = [.text(main)]
        }

        // Collapsing after rendering is needed when a value may bring slashes, or when an optional
        // path parameter may leave two separators side by side.
        let usesSubPath = path.contains { piece in
            if case .slot(_, let keepSlashes, let optional) = piece { return keepSlashes || optional }
            return false
        }
        if !usesSubPath {
            path = Endpoint.collapsingSlashes(in: path)
        } else if case .text(let leading)? = path.first, leading.contains("://") {
            // The scheme is in the leading text, so rendering collapses from there on: collapse
            // the leading text now, and rendering starts after it (URLRenderer.leadingTextLength).
            path[0] = .text(Endpoint.collapse(leading))
        }

        let parameters = template.parameters
        let optional = parameters.filter { name in
            (template.path + template.query.flatMap { $0 } + (template.fragment ?? []))
                .allSatisfy { piece in
                    if case .parameter(name, _, let isOptional) = piece { return isOptional }
                    return true
                }
        }
        let requiredParameters =
            parameters.filter { !optional.contains($0) } + requires.filter { !parameters.contains($0) }
        self.name = name
        self.template = template.text
        self.description = description
        self.requiredParameters = requiredParameters
        self.optionalParameters = optional
        self.secretPaths = Endpoint.uniqued(template.references.filter(isSecret))
        self.path = path
        self.query = query
        self.fragment = fragment
        self.collapsesAfterRender = usesSubPath
        self.renderer = URLRenderer(
            name: name,
            requiredParameters: requiredParameters,
            optionalParameters: optional,
            requiredOutsideTemplate: requires.filter { !parameters.contains($0) },
            path: path,
            query: query,
            fragment: fragment,
            collapsesAfterRender: usesSubPath,
            secretPaths: secretPaths
        )
    }

    /// Whether a URL rendered from this endpoint carries a secret value.
    public var isSecret: Bool { !secretPaths.isEmpty }

    /// `paths` without repetitions, in order of first appearance.
    private static func uniqued(_ paths: [String]) -> [String] {
        var seen: Set<String> = []
        return paths.filter { seen.insert($0).inserted }
    }

    /// Every parameter the template takes.
    public var parameters: [String] { requiredParameters + optionalParameters }

    /// The URL for these parameter values.
    ///
    /// - Throws: ``ConfigError`` `config.missing-parameter` naming the endpoint and the
    ///   parameter when a required one is missing or empty, `config.unknown-parameter` for a
    ///   parameter the template does not take, and `config.invalid-url` for a `{+path}` value with
    ///   a `..` segment.
    ///
    /// The URL is in clear even when it carries a secret (``isSecret``): use ``renderedURL(_:)``
    /// for a URL that may be shown.
    public func url(_ parameters: [String: String] = [:]) throws(ConfigError) -> String {
        try renderer.url(parameters)
    }

    /// The URL for these parameter values, with the secrets it carries (see ``url(_:)``).
    public func renderedURL(_ parameters: [String: String] = [:]) throws(ConfigError) -> RenderedURL {
        try renderer.renderedURL(parameters)
    }

    static func joiningText(_ pieces: [Piece]) -> [Piece] {
        var joined: [Piece] = []
        for piece in pieces {
            if case .text(let text) = piece, case .text(let previous)? = joined.last {
                joined[joined.count - 1] = .text(previous + text)
            } else {
                joined.append(piece)
            }
        }
        return joined
    }

    static func collapsingSlashes(in pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        var isFirst = true
        for piece in pieces {
            if case .text(let text) = piece {
                result.append(.text(isFirst ? collapse(text) : collapse(text, skipScheme: false)))
            } else {
                result.append(piece)
            }
            isFirst = false
        }
        return result
    }

    /// `value` percent-encoded as a parameter is: every byte but `A-Z a-z 0-9 - . _ ~` (and `/`
    /// when `keepSlashes`) as `%XX`, and a whole `.` or `..` as `%2E` or `%2E%2E`.
    public static func encode(_ value: String, keepSlashes: Bool) -> String {
        PercentEncoding.encode(value, mode: keepSlashes ? .subPath : .component)
    }

    /// `url` with runs of `/` collapsed in its path, the `//` after `scheme:` left alone.
    public static func collapsingSlashes(_ url: String) -> String { collapse(url) }

    /// Collapses runs of `/` in the path of a URL, leaving the `//` after `scheme:` alone.
    static func collapse(_ url: String, skipScheme: Bool = true) -> String {
        var url = url
        return url.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var writer = URLWriter(buffer)
                writer.append(bytes)
                writer.collapseSlashes(skipScheme: skipScheme)
                return writer.count
            }
        }
    }
}
