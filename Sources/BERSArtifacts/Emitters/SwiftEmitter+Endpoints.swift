import BERS
import BERSJSON

extension SwiftEmitter {
    /// Writes the endpoints section as constants and functions; returns whether a function was
    /// written (so the URL builder must be).
    func writeEndpoints(_ input: BuildInput, key: String, scope: inout SwiftScope, into writer: inout CodeWriter)
        throws(BuildError) -> Bool
    {
        let access = settings.access.rawValue
        let root = settings.typeName
        let identifier = scope.identifier(for: key)
        var usesURLs = false
        writer.line("/// The endpoints: a URL for each endpoint without parameters, a function for the others.")
        try writer.block("\(access) enum \(identifier.code) {") { (body: inout CodeWriter) throws(BuildError) in
            var names = SwiftScope(reserved: [root])
            for (index, endpoint) in input.endpoints.endpoints.enumerated() {
                if index > 0 { body.line("") }
                let name = names.identifier(for: endpoint.name)
                body.line("/// `\(Self.docText(endpoint.name))`: `\(Self.docText(endpoint.template))`.")
                if let description = endpoint.description { body.line("/// \(Self.docText(description))") }
                if endpoint.parameters.isEmpty {
                    let url: String
                    do throws(ConfigError) { url = try endpoint.url() } catch { throw BuildError(resolving: error) }
                    body.line("\(access) static let \(name.code): Swift.String = \(SwiftLiteral.string(url))")
                    continue
                }
                usesURLs = true
                let plan = try URLPlan(endpoint: endpoint)
                try writeFunction(plan, name: name, root: root, access: access, into: &body)
            }
        }
        return usesURLs
    }

    private func writeFunction(
        _ plan: URLPlan,
        name: SwiftIdentifier,
        root: String,
        access: String,
        into writer: inout CodeWriter
    ) throws(BuildError) {
        var labels = SwiftScope(reserved: [])
        var variable: [String: String] = [:]
        var parameters: [String] = []
        for (index, parameter) in plan.parameters.enumerated() {
            let label = labels.identifier(for: parameter)
            variable[parameter] = "p\(index)"
            let optional = plan.optional.contains(parameter)
            parameters.append("\(label.code) p\(index): Swift.String\(optional ? "? = nil" : "")")
        }
        func pieces(_ list: [URLPlan.Piece]) -> String {
            "["
                + list.map { piece in
                    switch piece {
                    case .text(let text): ".text(\(SwiftLiteral.string(text)))"
                    case .slot(let parameter, let keepSlashes):
                        ".value(\(variable[parameter] ?? "nil"), keepSlashes: \(keepSlashes))"
                    }
                }
                .joined(separator: ", ") + "]"
        }
        writer.line("/// - Throws: ``\(root)/URLError`` when a required parameter is empty.")
        try writer.block(
            "\(access) static func \(name.code)(\(parameters.joined(separator: ", "))) throws(\(root).URLError) -> Swift.String {"
        ) {
            (body: inout CodeWriter) throws(BuildError) in
            body.line("try \(root).URLBuilder.render(")
            body.indentedLines([
                "endpoint: \(SwiftLiteral.string(plan.name)),",
                "required: [\(plan.required.map { "(\(SwiftLiteral.string($0)), \(variable[$0] ?? "\"\""))" }.joined(separator: ", "))],",
                "subPaths: [\(plan.subPathParameters.map { "(\(SwiftLiteral.string($0)), \(variable[$0] ?? "nil"))" }.joined(separator: ", "))],",
                "path: \(pieces(plan.path)),",
                "query: [\(plan.query.map(pieces).joined(separator: ", "))],",
                "fragment: \(plan.fragment.map(pieces) ?? "nil"),",
                "collapsesPath: \(plan.collapsesPath))",
            ])
        }
    }

    /// Text safe in a one-line doc comment code span.
    static func docText(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "`" ? " " : $0 })
    }
}
