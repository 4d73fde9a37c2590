/// Text with `{name}` placeholders: the messages of tenant rules and the tokens of their targets.
///
/// `{{` and `}}` stand for literal braces. Which names a template may use depends on where it is
/// written; ``placeholders`` lists them so that a rule can be checked when it is read.
///
/// ```swift
/// let message = try RuleTemplate(parsing: #"branch "{1}" names CTA "{value}""#)
/// message.render(["1": "intro", "value": "learn_more"])   // branch "intro" names CTA "learn_more"
/// ```
struct RuleTemplate: Sendable, Hashable {
    /// A run of text or a placeholder.
    enum Segment: Sendable, Hashable {
        /// Text written out.
        case text(String)
        /// A `{name}` to fill in.
        case placeholder(String)
    }

    /// The segments, in order.
    var segments: [Segment]

    /// The names of the placeholders, in order of appearance.
    var placeholders: [String] {
        segments.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    /// The text with each placeholder replaced by its binding (an unbound one stays `{name}`).
    func render(_ bindings: [String: String]) -> String {
        segments.reduce(into: "") { text, segment in
            switch segment {
            case .text(let literal): text += literal
            case .placeholder(let name): text += bindings[name] ?? "{\(name)}"
            }
        }
    }
}

extension RuleTemplate {
    /// Parses `text`.
    ///
    /// - Throws: a message for an unclosed `{`, an empty `{}` or a lone `}`.
    init(parsing text: String) throws(RuleSyntaxError) {
        var segments: [Segment] = []
        var literal = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "{" where scalars.first == "{", "}" where scalars.first == "}":
                scalars.removeFirst()
                literal.unicodeScalars.append(scalar)
            case "{":
                guard let end = scalars.firstIndex(of: "}") else {
                    throw RuleSyntaxError("\"{\" is not closed in \"\(text)\" (write {{ for a brace)")
                }
                let name = String(String.UnicodeScalarView(scalars[..<end]))
                guard !name.isEmpty else { throw RuleSyntaxError("empty placeholder {} in \"\(text)\"") }
                if !literal.isEmpty { segments.append(.text(literal)) }
                literal = ""
                segments.append(.placeholder(name))
                scalars = scalars[(end + 1)...]
            case "}":
                throw RuleSyntaxError("\"}\" without \"{\" in \"\(text)\" (write }} for a brace)")
            default:
                literal.unicodeScalars.append(scalar)
            }
        }
        if !literal.isEmpty { segments.append(.text(literal)) }
        self.segments = segments
    }
}
