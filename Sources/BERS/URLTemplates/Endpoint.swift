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
    /// The whole URL as one list of pieces (separators included), when no piece is optional and
    /// nothing needs collapsing after rendering: the fast path.
    let flat: [Piece]?
    /// The length of the text pieces, to size the output once.
    let estimatedLength: Int
    /// Required parameters that no slot uses (`requires` in the object form).
    let requiredOutsideTemplate: [String]

    init(
        name: String,
        template: EndpointTemplate,
        description: String?,
        requires: [String],
        lookup: (String) -> JSONValue?
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
                throw invalid("the template adds a path after the query or fragment of its base URL \"\(base)\"")
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
        }

        let parameters = template.parameters
        let optional = parameters.filter { name in
            (template.path + template.query.flatMap { $0 } + (template.fragment ?? []))
                .allSatisfy { piece in
                    if case .parameter(name, _, let isOptional) = piece { return isOptional }
                    return true
                }
        }
        self.name = name
        self.template = template.text
        self.description = description
        self.requiredParameters =
            parameters.filter { !optional.contains($0) } + requires.filter { !parameters.contains($0) }
        self.optionalParameters = optional
        self.path = path
        self.query = query
        self.fragment = fragment
        self.collapsesAfterRender = usesSubPath
        self.requiredOutsideTemplate = requires.filter { !parameters.contains($0) }
        let hasOptional = !optional.isEmpty
        if !hasOptional && !usesSubPath {
            var pieces = path
            for (offset, item) in query.enumerated() {
                pieces.append(.text(offset == 0 ? "?" : "&"))
                pieces += item
            }
            if let fragment {
                pieces.append(.text("#"))
                pieces += fragment
            }
            self.flat = Endpoint.joiningText(pieces)
        } else {
            self.flat = nil
        }
        self.estimatedLength = (path + query.flatMap { $0 } + (fragment ?? []))
            .reduce(24) { total, piece in
                if case .text(let text) = piece { return total + text.utf8.count + 1 }
                return total + 16
            }
    }

    /// Every parameter the template takes.
    public var parameters: [String] { requiredParameters + optionalParameters }

    /// The URL for these parameter values.
    ///
    /// - Throws: ``ConfigError`` `config.missing-parameter` naming the endpoint and the
    ///   parameter when a required one is missing or empty, `config.unknown-parameter` for a
    ///   parameter the template does not take, and `config.invalid-url` for a `{+path}` value with
    ///   a `..` segment.
    public func url(_ parameters: [String: String] = [:]) throws(ConfigError) -> String {
        if parameters.count > requiredParameters.count {
            for key in parameters.keys where !requiredParameters.contains(key) && !optionalParameters.contains(key) {
                throw ConfigError(
                    .unknownParameter,
                    "endpoint \"\(name)\" has no parameter \"\(key)\" (it takes: \(self.parameters.isEmpty ? "none" : self.parameters.joined(separator: ", ")))"
                )
            }
        }
        var output = ""
        output.reserveCapacity(estimatedLength)
        if let flat {
            for piece in flat {
                switch piece {
                case .text(let text):
                    output.append(text)
                case .slot(let name, let keepSlashes, _):
                    guard let value = parameters[name], !value.isEmpty else { throw missing(name) }
                    if keepSlashes { try checkSubPath(value, parameter: name) }
                    PercentEncoding.append(value, mode: keepSlashes ? .subPath : .component, to: &output)
                }
            }
            for required in requiredOutsideTemplate where (parameters[required] ?? "").isEmpty {
                throw missing(required)
            }
            return output
        }
        for required in requiredParameters where (parameters[required] ?? "").isEmpty {
            throw missing(required)
        }
        for piece in path {
            guard try render(piece, parameters, into: &output) else { continue }
        }
        if collapsesAfterRender { output = Endpoint.collapse(output) }
        var first = true
        for item in query {
            var rendered = ""
            var complete = true
            for piece in item where !(try render(piece, parameters, into: &rendered)) {
                complete = false
            }
            guard complete, !rendered.isEmpty else { continue }
            output.append(first ? "?" : "&")
            output.append(rendered)
            first = false
        }
        if let fragment {
            var rendered = ""
            var complete = true
            for piece in fragment where !(try render(piece, parameters, into: &rendered)) { complete = false }
            if complete && !rendered.isEmpty {
                output.append("#")
                output.append(rendered)
            }
        }
        return output
    }

    /// Refuses `..` segments in a `{+name}` value, wherever in the URL it lands.
    private func checkSubPath(_ value: String, parameter: String) throws(ConfigError) {
        if value.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            throw ConfigError(
                .invalidURL,
                "endpoint \"\(name)\": parameter \"\(parameter)\" must not contain '..' segments"
            )
        }
    }

    private func missing(_ parameter: String) -> ConfigError {
        ConfigError(.missingParameter, "endpoint \"\(name)\": parameter \"\(parameter)\" is required")
    }

    /// Appends one piece; false when it is an optional parameter that was not given.
    @inline(__always)
    private func render(_ piece: Piece, _ parameters: [String: String], into output: inout String) throws(ConfigError)
        -> Bool
    {
        switch piece {
        case .text(let text):
            output.append(text)
            return true
        case .slot(let name, let keepSlashes, _):
            guard let value = parameters[name], !value.isEmpty else { return false }
            if keepSlashes { try checkSubPath(value, parameter: name) }
            PercentEncoding.append(value, mode: keepSlashes ? .subPath : .component, to: &output)
            return true
        }
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
        var bytes = Array(url.utf8)
        var start = 0
        if skipScheme, let range = url.utf8.firstRange(of: "://".utf8) {
            start = url.utf8.distance(from: url.utf8.startIndex, to: range.upperBound)
        }
        var write = start
        var previousSlash = false
        for read in start..<bytes.count {
            let byte = bytes[read]
            if byte == UInt8(ascii: "/") && previousSlash { continue }
            previousSlash = byte == UInt8(ascii: "/")
            bytes[write] = byte
            write += 1
        }
        bytes.removeSubrange(write...)
        return String(decoding: bytes, as: UTF8.self)
    }
}
