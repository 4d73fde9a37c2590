import BERS

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

    /// The plan of `endpoint`: its compiled pieces (configuration values in place), checked
    /// against BERS's own renderer.
    ///
    /// - Throws: ``BuildError`` `build.internal-mismatch` when the plan renders differently from
    ///   BERS for probe values.
    init(endpoint: Endpoint) throws(BuildError) {
        func plan(_ pieces: [Endpoint.Piece]) -> [Piece] {
            pieces.map { piece in
                switch piece {
                case .text(let text): .text(text)
                case .slot(let name, let keepSlashes, _): .slot(name: name, keepSlashes: keepSlashes)
                }
            }
        }
        var subPaths: [String] = []
        for piece in endpoint.path + endpoint.query.flatMap({ $0 }) + (endpoint.fragment ?? []) {
            if case .slot(let name, true, _) = piece, !subPaths.contains(name) { subPaths.append(name) }
        }
        self.name = endpoint.name
        self.path = plan(endpoint.path)
        self.query = endpoint.query.map(plan)
        self.fragment = endpoint.fragment.map(plan)
        self.collapsesPath = endpoint.collapsesAfterRender
        self.required = endpoint.requiredParameters
        self.optional = endpoint.optionalParameters
        // BERS refuses `..` segments in every `{+name}` value, wherever it lands.
        self.subPathParameters = subPaths
        try verify(against: endpoint)
    }

    /// Renders the URL for `values`, as the generated builders do.
    ///
    /// - Returns: the URL, or the error message the builders give.
    func render(_ values: [String: String]) -> Result<String, URLPlanFailure> {
        for name in required where (values[name] ?? "").isEmpty { return .failure(.missing(name)) }
        for name in subPathParameters {
            if let value = values[name], PathText.climbs(value) { return .failure(.dotDot(name)) }
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
                    output += Endpoint.encode(value, keepSlashes: keepSlashes)
                }
            }
            return output
        }
        var output = render(path, dropWhenMissing: false) ?? ""
        if collapsesPath { output = Endpoint.collapsingSlashes(output) }
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
}

/// Why a URL builder refused its arguments.
enum URLPlanFailure: Error, Hashable {
    /// A required parameter is missing or empty.
    case missing(String)
    /// A sub-path parameter has a `..` segment.
    case dotDot(String)
}
