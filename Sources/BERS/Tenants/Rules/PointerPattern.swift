import BERSJSON

/// A JSON pointer whose tokens may be `*`: the places a tenant rule applies to.
///
/// `*` stands for any member of an object or any element of an array, and captures the key or
/// index it matched; rules name the captures `{1}`, `{2}`, … in their messages and targets.
///
/// ```swift
/// let pattern = try PointerPattern(parsing: "/conversation_branches/*/available_ctas/secondary/*")
/// pattern.matches(in: document.value)   // one match per secondary CTA, captures [branch, index]
/// ```
struct PointerPattern: Sendable, Hashable {
    /// One token of a pattern.
    enum Token: Sendable, Hashable {
        /// A key or index written out.
        case literal(String)
        /// Any key or index.
        case wildcard
    }

    /// A place the pattern matched.
    struct Match {
        /// Where the value is.
        var pointer: JSONPointer
        /// The keys and indices the wildcards matched, in order.
        var captures: [String]
        /// The value there.
        var value: JSONValue
        /// Whether the value is a member of an object (so its last token is a key), not an
        /// array element.
        var isMember: Bool
    }

    /// The tokens, outermost first.
    var tokens: [Token]

    /// The number of wildcards, hence of captures.
    var wildcardCount: Int { tokens.count { $0 == .wildcard } }

    /// The pointer the pattern names when it has no wildcards.
    var pointer: JSONPointer? {
        var result: [String] = []
        for token in tokens {
            guard case .literal(let text) = token else { return nil }
            result.append(text)
        }
        return JSONPointer(tokens: result)
    }

    /// Every place in `value` the pattern matches, in document order.
    func matches(in value: JSONValue) -> [Match] {
        var found: [Match] = []
        collect(value, at: 0, into: &found, current: Match(pointer: .root, captures: [], value: value, isMember: false))
        return found
    }

    /// Whether the pattern matches anything in `value`.
    func matchesAnything(in value: JSONValue) -> Bool {
        if let pointer { return value[pointer: pointer] != nil }
        return !matches(in: value).isEmpty
    }

    private func collect(_ value: JSONValue, at depth: Int, into found: inout [Match], current: Match) {
        guard depth < tokens.count else {
            found.append(current)
            return
        }
        let isMember = if case .object = value { true } else { false }
        for (token, child) in children(of: value, for: tokens[depth]) {
            var next = current
            next.pointer = current.pointer.appending(token)
            next.value = child
            next.isMember = isMember
            if tokens[depth] == .wildcard { next.captures.append(token) }
            collect(child, at: depth + 1, into: &found, current: next)
        }
    }

    /// The members or elements of `value` that `token` selects, with their tokens.
    private func children(of value: JSONValue, for token: Token) -> [(String, JSONValue)] {
        switch (token, value) {
        case (.wildcard, .object(let object)): return object.map { ($0.key, $0.value) }
        case (.wildcard, .array(let elements)): return elements.enumerated().map { (String($0.offset), $0.element) }
        case (.literal(let text), _): return value[pointer: JSONPointer(tokens: [text])].map { [(text, $0)] } ?? []
        default: return []
        }
    }
}

extension PointerPattern {
    /// Parses a pattern: an RFC 6901 pointer (`~0`, `~1` escapes) in which a token that is exactly
    /// `*` is a wildcard (`{{` and `}}` stand for braces, as in templates).
    ///
    /// - Throws: a message saying what is wrong, for an empty pattern, an invalid pointer, a
    ///   partial wildcard (`a*`) or a placeholder (`{value}`, which belongs in targets).
    init(parsing text: String) throws(RuleSyntaxError) {
        let template = try PointerTemplate(parsing: text)
        guard !template.tokens.isEmpty else {
            throw RuleSyntaxError("a pattern names a place inside the document, such as \"/cta_definitions/*\"")
        }
        guard template.placeholders.isEmpty else {
            throw RuleSyntaxError("a pattern takes no placeholders; they belong in \"to\", \"when\" and messages")
        }
        self = template.render([:])
    }
}
