import BERSJSON

/// A JSON pointer whose tokens may hold placeholders (`/cta_definitions/{value}`) and wildcards
/// (`/conversational_forms/*/form_id`): where a tenant rule looks for what a value refers to.
///
/// Placeholders are filled in token by token, so a value containing `/` or `~` stays one token.
///
/// ```swift
/// let target = try PointerTemplate(parsing: "/cta_definitions/{value}")
/// target.render(["value": "apply"])   // the pattern /cta_definitions/apply
/// ```
struct PointerTemplate: Sendable, Hashable {
    /// One token of a template.
    enum Token: Sendable, Hashable {
        /// A token with placeholders (or plain text).
        case text(RuleTemplate)
        /// Any key or index.
        case wildcard
    }

    /// The tokens, outermost first.
    var tokens: [Token]

    /// Parses an RFC 6901 pointer whose tokens may hold `{name}` placeholders or be `*`.
    ///
    /// - Throws: a message for an invalid pointer, a partial wildcard or a malformed placeholder.
    init(parsing text: String) throws(RuleSyntaxError) {
        let pointer: JSONPointer
        do { pointer = try JSONPointer(parsing: text) } catch { throw RuleSyntaxError(error.message) }
        tokens = try pointer.tokens.map { token throws(RuleSyntaxError) in
            if token == "*" { return .wildcard }
            if token.contains("*") {
                throw RuleSyntaxError("\"*\" matches a whole token; \"\(token)\" is not supported")
            }
            return .text(try RuleTemplate(parsing: token))
        }
    }

    /// The names of the placeholders, in order of appearance.
    var placeholders: [String] {
        tokens.flatMap { token -> [String] in
            guard case .text(let template) = token else { return [] }
            return template.placeholders
        }
    }

    /// Whether some token is a wildcard.
    var hasWildcards: Bool { tokens.contains(.wildcard) }

    /// The pattern with every placeholder filled in.
    func render(_ bindings: [String: String]) -> PointerPattern {
        PointerPattern(
            tokens: tokens.map { token in
                switch token {
                case .wildcard: .wildcard
                case .text(let template): .literal(template.render(bindings))
                }
            }
        )
    }
}
