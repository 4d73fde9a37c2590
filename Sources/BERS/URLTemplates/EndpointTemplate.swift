/// A parsed URL template from the `endpoints` section, such as
/// `{api.baseUrl}?action=get_config&t={tenant}`.
///
/// - `{dotted.path}` (a name with a dot) or `{/json/pointer}` reads the resolved configuration;
///   a path into the endpoints section inlines that endpoint's template.
/// - `{name}` is a parameter given at call time; `{+name}` keeps `/` (a sub-path) and refuses `..`
///   segments; `{name?}` is optional: a query item whose only value is missing is dropped.
/// - A reference at the very start of the template is the base URL and is inserted verbatim; every
///   other value is percent-encoded for the part of the URL it lands in (path segment or query).
/// - The first literal `?` or `&` starts the query: items are joined with `&` behind a single `?`,
///   whether or not the base already has a query. Runs of `/` in the path are collapsed; the
///   `//` of `https://` is never touched.
public struct EndpointTemplate: Sendable, Hashable {
    /// A piece of a template.
    enum Piece: Sendable, Hashable {
        /// Text written in the template.
        case literal(String)
        /// A value from the configuration.
        case reference(path: String)
        /// A value given at call time.
        case parameter(name: String, keepSlashes: Bool, optional: Bool)
    }

    /// The endpoint's name.
    public let name: String
    /// The template text.
    public let text: String
    /// Pieces before the query (the base and the path).
    let path: [Piece]
    /// Query items, each a list of pieces (`t=` then a parameter).
    let query: [[Piece]]
    /// Pieces after `#`, if any.
    let fragment: [Piece]?

    /// Parses `text`.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-template` for an unclosed or empty `{}` or an
    ///   invalid name.
    public init(name: String, text: String) throws(ConfigError) {
        self.name = name
        self.text = text
        func invalid(_ why: String) -> ConfigError {
            ConfigError(.invalidTemplate, "endpoint \"\(name)\": template \"\(text)\" \(why)")
        }
        var path: [Piece] = []
        var query: [[Piece]] = []
        var fragment: [Piece]?
        var section = 0  // 0 path, 1 query, 2 fragment
        var literal = ""

        func flush() {
            guard !literal.isEmpty else { return }
            append(.literal(literal))
            literal = ""
        }
        func append(_ piece: Piece) {
            switch section {
            case 0: path.append(piece)
            case 1:
                if query.isEmpty { query.append([]) }
                query[query.count - 1].append(piece)
            default: fragment?.append(piece)
            }
        }

        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "{":
                guard let close = scalars.firstIndex(of: "}") else { throw invalid("has an unclosed '{'") }
                var expression = String(scalars[..<close])
                scalars = scalars[scalars.index(after: close)...]
                flush()
                guard !expression.isEmpty else { throw invalid("has an empty '{}'") }
                if expression.contains(".") || expression.utf8.first == UInt8(ascii: "/") {
                    append(.reference(path: expression))
                    continue
                }
                let keepSlashes = expression.hasPrefix("+")
                if keepSlashes { expression.removeFirst() }
                let optional = expression.hasSuffix("?")
                if optional { expression.removeLast() }
                guard !expression.isEmpty,
                    expression.unicodeScalars.allSatisfy({
                        $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
                    })
                else {
                    throw invalid("has an invalid parameter name \"{\(expression)}\"")
                }
                append(.parameter(name: expression, keepSlashes: keepSlashes, optional: optional))
            case "}":
                throw invalid("has a '}' without '{'")
            case "?" where section == 0, "&" where section == 0:
                flush()
                section = 1
                query.append([])
            case "&" where section == 1:
                flush()
                query.append([])
            case "#" where section < 2:
                flush()
                section = 2
                fragment = []
            default:
                literal.unicodeScalars.append(scalar)
            }
        }
        flush()
        self.path = path
        self.query = query.filter { !$0.isEmpty }
        self.fragment = fragment
    }

    /// The call-time parameters, in order of first appearance.
    public var parameters: [String] {
        var names: [String] = []
        for piece in path + query.flatMap({ $0 }) + (fragment ?? []) {
            if case .parameter(let name, _, _) = piece, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The configuration paths the template reads.
    public var references: [String] {
        (path + query.flatMap { $0 } + (fragment ?? []))
            .compactMap { piece in
                if case .reference(let path) = piece { return path }
                return nil
            }
    }
}
