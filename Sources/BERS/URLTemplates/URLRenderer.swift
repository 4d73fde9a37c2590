/// The compiled form of an ``Endpoint`` that renders its URLs, shared by every copy of it.
///
/// A URL is written in one pass into one string, sized in advance for the longest parameter value
/// fully percent-encoded.
final class URLRenderer: Sendable {
    /// The endpoint's name, for errors.
    let name: String
    /// Parameters the call must give.
    let requiredParameters: [String]
    /// Parameters the call may give.
    let optionalParameters: [String]
    /// Required parameters that no slot uses (`requires` in the object form).
    let requiredOutsideTemplate: [String]
    /// The pieces before the query.
    let path: [Endpoint.Piece]
    /// The query items; an item whose optional parameter is missing, or that renders empty, is dropped.
    let query: [[Endpoint.Piece]]
    /// The fragment's pieces, if any.
    let fragment: [Endpoint.Piece]?
    /// Whether runs of `/` are collapsed in the rendered path.
    let collapsesAfterRender: Bool
    /// The secret configuration paths the text pieces carry: every URL rendered is secret when
    /// there is one.
    let secretPaths: [String]
    /// The whole URL as one list of pieces (separators included), when no parameter is optional
    /// and nothing needs collapsing after rendering: the fast path.
    let flat: [Endpoint.Piece]?
    /// The bytes of the text pieces and separators.
    let fixedLength: Int
    /// How many slots the pieces have.
    let slotCount: Int
    /// The length of the path's leading text piece: when the URL's scheme ends in it, it was
    /// collapsed when the endpoint was compiled, and rendering collapses only what follows.
    let leadingTextLength: Int

    init(
        name: String,
        requiredParameters: [String],
        optionalParameters: [String],
        requiredOutsideTemplate: [String],
        path: [Endpoint.Piece],
        query: [[Endpoint.Piece]],
        fragment: [Endpoint.Piece]?,
        collapsesAfterRender: Bool,
        secretPaths: [String]
    ) {
        self.name = name
        self.requiredParameters = requiredParameters
        self.optionalParameters = optionalParameters
        self.requiredOutsideTemplate = requiredOutsideTemplate
        self.path = path
        self.query = query
        self.fragment = fragment
        self.collapsesAfterRender = collapsesAfterRender
        self.secretPaths = secretPaths
        let pieces = path + query.joined() + (fragment ?? [])
        let separators = query.count + (fragment == nil ? 0 : 1)
        fixedLength = pieces.reduce(separators) { total, piece in
            if case .text(let text) = piece { return total + text.utf8.count }
            return total
        }
        slotCount = pieces.count(where: { piece in
            if case .slot = piece { return true }
            return false
        })
        if case .text(let text) = path.first { leadingTextLength = text.utf8.count } else { leadingTextLength = 0 }
        flat =
            optionalParameters.isEmpty && !collapsesAfterRender
            ? URLRenderer.flatten(path: path, query: query, fragment: fragment) : nil
    }

    /// The URL for these parameter values; see ``Endpoint/url(_:)``.
    func url(_ parameters: [String: String]) throws(ConfigError) -> String {
        if parameters.count > requiredParameters.count {
            try refuseUnknownParameters(parameters)
        }
        if flat == nil {
            for required in requiredParameters where !URLRenderer.isGiven(required, parameters) {
                throw missing(required)
            }
        }
        var problem: ConfigError?
        let url = String(unsafeUninitializedCapacity: capacity(for: parameters)) { buffer in
            var writer = URLWriter(buffer)
            do throws(ConfigError) {
                try render(parameters, to: &writer)
            } catch {
                problem = error
            }
            return writer.count
        }
        if let problem { throw problem }
        if flat != nil {
            for required in requiredOutsideTemplate where !URLRenderer.isGiven(required, parameters) {
                throw missing(required)
            }
        }
        return url
    }

    /// The URL for these parameter values and the secret paths it carries.
    func renderedURL(_ parameters: [String: String]) throws(ConfigError) -> RenderedURL {
        RenderedURL(text: try url(parameters), secretPaths: secretPaths)
    }

    /// An upper bound of the URL's length in bytes.
    private func capacity(for parameters: [String: String]) -> Int {
        let longest = parameters.values.reduce(0) { max($0, $1.utf8.count) }
        return fixedLength + slotCount * longest * PercentEncoding.maximumExpansion
    }

    /// Writes the URL: the flat pieces, or the path (collapsed if needed), the query items that
    /// are complete and not empty, and the fragment if it is complete and not empty.
    private func render(_ parameters: [String: String], to writer: inout URLWriter) throws(ConfigError) {
        if let flat {
            _ = try write(flat, parameters, to: &writer)
            return
        }
        _ = try write(path, parameters, to: &writer)
        if collapsesAfterRender { writer.collapseSlashes(collapsedPrefix: leadingTextLength) }
        var separator = UInt8(ascii: "?")
        for item in query where try writeOptionally(item, after: separator, parameters, to: &writer) {
            separator = UInt8(ascii: "&")
        }
        if let fragment {
            _ = try writeOptionally(fragment, after: UInt8(ascii: "#"), parameters, to: &writer)
        }
    }

    /// Writes `separator` and `pieces`, or nothing when an optional parameter of them is missing
    /// or they render empty; whether they were written.
    private func writeOptionally(
        _ pieces: [Endpoint.Piece],
        after separator: UInt8,
        _ parameters: [String: String],
        to writer: inout URLWriter
    ) throws(ConfigError) -> Bool {
        let start = writer.count
        writer.append(separator)
        guard try write(pieces, parameters, to: &writer), writer.count > start + 1 else {
            writer.count = start
            return false
        }
        return true
    }

    /// Writes `pieces`, skipping optional parameters that are missing; false when one was.
    private func write(
        _ pieces: [Endpoint.Piece],
        _ parameters: [String: String],
        to writer: inout URLWriter
    ) throws(ConfigError) -> Bool {
        var complete = true
        for piece in pieces {
            switch piece {
            case .text(let text):
                writer.append(text)
            case .slot(let name, let keepSlashes, let optional):
                guard let value = URLRenderer.value(of: name, in: parameters), !value.isEmpty else {
                    if !optional { throw missing(name) }
                    complete = false
                    continue
                }
                if keepSlashes && URLPath.hasDotDotSegment(value) {
                    throw ConfigError(
                        .invalidURL,
                        "endpoint \"\(self.name)\": parameter \"\(name)\" must not contain '..' segments"
                    )
                }
                writer.appendEncoded(value, mode: keepSlashes ? .subPath : .component)
            }
        }
        return complete
    }

    private func refuseUnknownParameters(_ parameters: [String: String]) throws(ConfigError) {
        for key in parameters.keys where !requiredParameters.contains(key) && !optionalParameters.contains(key) {
            let all = requiredParameters + optionalParameters
            throw ConfigError(
                .unknownParameter,
                "endpoint \"\(name)\" has no parameter \"\(key)\" (it takes: \(all.isEmpty ? "none" : all.joined(separator: ", ")))"
            )
        }
    }

    private func missing(_ parameter: String) -> ConfigError {
        ConfigError(.missingParameter, "endpoint \"\(name)\": parameter \"\(parameter)\" is required")
    }

    private static func isGiven(_ name: String, _ parameters: [String: String]) -> Bool {
        !(value(of: name, in: parameters) ?? "").isEmpty
    }

    /// The value of parameter `name`: a few parameters are compared in turn, which is cheaper
    /// than hashing the name.
    @inline(__always)
    private static func value(of name: String, in parameters: [String: String]) -> String? {
        guard parameters.count <= 4 else { return parameters[name] }
        for (key, value) in parameters where key == name { return value }
        return nil
    }

    /// The whole URL as one list of pieces, separators included.
    ///
    /// Every slot in it is required: a parameter marked optional in one slot is used without the mark in another, so it must be
    /// given wherever it appears.
    private static func flatten(path: [Endpoint.Piece], query: [[Endpoint.Piece]], fragment: [Endpoint.Piece]?)
        -> [Endpoint.Piece]
    {
        var pieces = path
        for (offset, item) in query.enumerated() {
            pieces.append(.text(offset == 0 ? "?" : "&"))
            pieces += item
        }
        if let fragment {
            pieces.append(.text("#"))
            pieces += fragment
        }
        return Endpoint.joiningText(pieces)
            .map { piece in
                guard case .slot(let name, let keepSlashes, _) = piece else { return piece }
                return .slot(name: name, keepSlashes: keepSlashes, optional: false)
            }
    }
}
