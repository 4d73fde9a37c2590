/// Splits an endpoint template into path, query items and fragment, with the grammar of
/// ``BERS/EndpointTemplate``: `{dotted.path}` or `{/pointer}` reads the configuration, `{name}` is
/// a parameter, `{+name}` keeps `/`, `{name?}` is optional; the first `?` or `&` starts the query,
/// `&` separates items, `#` starts the fragment.
struct URLPlanParser {
    enum Piece: Hashable {
        case literal(String)
        case reference(String)
        case parameter(name: String, keepSlashes: Bool, optional: Bool)
    }

    struct Parsed {
        var path: [Piece] = []
        var query: [[Piece]] = []
        var fragment: [Piece]?
        var subPathParameters: [String] = []
    }

    let name: String
    let text: String

    func parse() throws(BuildError) -> Parsed {
        var parsed = Parsed()
        var section = 0  // 0 path, 1 query, 2 fragment
        var literal = ""

        func append(_ piece: Piece) {
            switch section {
            case 0: parsed.path.append(piece)
            case 1:
                if parsed.query.isEmpty { parsed.query.append([]) }
                parsed.query[parsed.query.count - 1].append(piece)
            default: parsed.fragment?.append(piece)
            }
        }
        func flush() {
            guard !literal.isEmpty else { return }
            append(.literal(literal))
            literal = ""
        }
        func invalid(_ why: String) -> BuildError {
            BuildError(.resolveFailed, "endpoint \"\(name)\": template \"\(text)\" \(why)")
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
                if expression.contains(".") || expression.hasPrefix("/") {
                    append(.reference(expression))
                    continue
                }
                let keepSlashes = expression.hasPrefix("+")
                if keepSlashes { expression.removeFirst() }
                let optional = expression.hasSuffix("?")
                if optional { expression.removeLast() }
                guard !expression.isEmpty else { throw invalid("has an invalid parameter name") }
                if keepSlashes && !parsed.subPathParameters.contains(expression) {
                    parsed.subPathParameters.append(expression)
                }
                append(.parameter(name: expression, keepSlashes: keepSlashes, optional: optional))
            case "}":
                throw invalid("has a '}' without '{'")
            case "?" where section == 0, "&" where section == 0:
                flush()
                section = 1
                parsed.query.append([])
            case "&" where section == 1:
                flush()
                parsed.query.append([])
            case "#" where section < 2:
                flush()
                section = 2
                parsed.fragment = []
            default:
                literal.unicodeScalars.append(scalar)
            }
        }
        flush()
        parsed.query = parsed.query.filter { !$0.isEmpty }
        return parsed
    }
}
