import BERS
import BERSJSON

/// An endpoint template compiled for code generation: configuration values in place (encoded as
/// BERS encodes them), call-time parameters as slots.
///
/// The generated Swift and JavaScript builders render a plan with the same steps as
/// ``BERS/Endpoint/url(_:)``: required parameters checked (missing or empty is an error), path
/// pieces appended (a missing optional parameter adds nothing), runs of `/` collapsed in the path
/// when a `{+sub/path}` value is in it (never the `//` of `https://`), then the query items behind
/// one `?` and `&`s (an item whose optional parameter is missing is dropped), then the fragment.
/// Each plan is checked against BERS's own renderer when it is made (``verify(against:)``).
struct URLPlan: Sendable, Hashable {
    /// A piece of the rendered URL.
    enum Piece: Sendable, Hashable {
        /// Text, already encoded.
        case text(String)
        /// A parameter's value, percent-encoded (keeping `/` for a sub-path).
        case slot(name: String, keepSlashes: Bool)
    }

    /// The endpoint's name.
    let name: String
    /// Pieces before the query.
    let path: [Piece]
    /// Query items.
    let query: [[Piece]]
    /// The fragment's pieces, if the template has one.
    let fragment: [Piece]?
    /// Whether runs of `/` in the rendered path are collapsed (a sub-path slot is in it).
    let collapsesPath: Bool
    /// Parameters that must be given, in the order BERS checks them.
    let required: [String]
    /// Parameters that may be given.
    let optional: [String]
    /// Parameters whose value is a sub-path (`{+name}`: `..` segments are refused).
    let subPathParameters: [String]

    /// Every parameter.
    var parameters: [String] { required + optional }

    /// The plan of `endpoint`, reading configuration values from `configuration`.
    ///
    /// - Throws: ``BuildError`` `build.internal-mismatch` when the plan renders differently from
    ///   BERS for probe values, `build.resolve-failed` for a template BERS would also refuse.
    init(endpoint: Endpoint, configuration: ResolvedConfiguration) throws(BuildError) {
        let parsed = try URLPlanParser(name: endpoint.name, text: endpoint.template).parse()
        func value(of path: String) throws(BuildError) -> String {
            guard let value = configuration.value(at: path) else {
                throw BuildError(
                    .resolveFailed,
                    "endpoint \"\(endpoint.name)\": \"{\(path)}\" names no value in the configuration"
                )
            }
            switch value {
            case .string(let string): return string
            case .integer, .double, .bool: return value.jsonText
            default:
                throw BuildError(.resolveFailed, "endpoint \"\(endpoint.name)\": \"{\(path)}\" is \(value.typeName)")
            }
        }
        func bind(_ pieces: [URLPlanParser.Piece], allowBase: Bool) throws(BuildError) -> [Piece] {
            var bound: [Piece] = []
            for (offset, piece) in pieces.enumerated() {
                switch piece {
                case .literal(let text): bound.append(.text(text))
                case .reference(let path):
                    let text = try value(of: path)
                    bound.append(.text(allowBase && offset == 0 ? text : URLEncoding.encode(text, keepSlashes: false)))
                case .parameter(let name, let keepSlashes, _): bound.append(.slot(name: name, keepSlashes: keepSlashes))
                }
            }
            return URLPlan.joiningText(bound)
        }

        var path = try bind(parsed.path, allowBase: true)
        var query = try parsed.query.map { item throws(BuildError) in try bind(item, allowBase: false) }
        var fragment = try parsed.fragment.map { pieces throws(BuildError) in try bind(pieces, allowBase: false) }
        // A base URL with its own query or fragment: its items come first.
        if case .text(let base)? = path.first, let cut = base.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            var rest = base[cut...]
            var baseFragment: String?
            if let hash = rest.firstIndex(of: "#") {
                baseFragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            query = rest.dropFirst().split(separator: "&").map { [Piece.text(String($0))] } + query
            if fragment == nil, let baseFragment { fragment = [.text(baseFragment)] }
            path = [.text(String(base[..<cut]))]
        }
        // As the core: collapse after rendering when a value may bring slashes or an optional path
        // value may be missing.
        let optionalNames = Set(endpoint.optionalParameters)
        let usesSubPath = path.contains { piece in
            if case .slot(let name, let keepSlashes) = piece { return keepSlashes || optionalNames.contains(name) }
            return false
        }
        if !usesSubPath {
            path = path.enumerated()
                .map { offset, piece in
                    guard case .text(let text) = piece else { return piece }
                    return .text(URLEncoding.collapse(text, skipScheme: offset == 0))
                }
        }
        self.name = endpoint.name
        self.path = path
        self.query = query
        self.fragment = fragment
        self.collapsesPath = usesSubPath
        self.required = endpoint.requiredParameters
        self.optional = endpoint.optionalParameters
        // BERS refuses `..` segments in every `{+name}` value, wherever it lands.
        self.subPathParameters = parsed.subPathParameters
        try verify(against: endpoint)
    }

    /// Renders the URL for `values`, as the generated builders do.
    ///
    /// - Returns: the URL, or the error message the builders give.
    func render(_ values: [String: String]) -> Result<String, URLPlanFailure> {
        for name in required where (values[name] ?? "").isEmpty { return .failure(.missing(name)) }
        for name in subPathParameters {
            if let value = values[name], value.split(separator: "/").contains("..") { return .failure(.dotDot(name)) }
        }
        func render(_ pieces: [Piece], dropWhenMissing: Bool) -> String? {
            var output = ""
            for piece in pieces {
                switch piece {
                case .text(let text): output += text
                case .slot(let name, let keepSlashes):
                    guard let value = values[name], !value.isEmpty else {
                        if dropWhenMissing { return nil }
                        continue
                    }
                    output += URLEncoding.encode(value, keepSlashes: keepSlashes)
                }
            }
            return output
        }
        var output = render(path, dropWhenMissing: false) ?? ""
        if collapsesPath { output = URLEncoding.collapse(output, skipScheme: true) }
        var first = true
        for item in query {
            guard let text = render(item, dropWhenMissing: true), !text.isEmpty else { continue }
            output += (first ? "?" : "&") + text
            first = false
        }
        if let fragment, let text = render(fragment, dropWhenMissing: true), !text.isEmpty {
            output += "#" + text
        }
        return .success(output)
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
}

/// Why a URL builder refused its arguments.
enum URLPlanFailure: Error, Hashable {
    /// A required parameter is missing or empty.
    case missing(String)
    /// A sub-path parameter has a `..` segment.
    case dotDot(String)
}
