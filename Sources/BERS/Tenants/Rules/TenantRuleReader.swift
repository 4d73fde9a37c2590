import BERSJSON

/// Reads the rules of the `tenants` section of `bers.json`, failing with located
/// `config.invalid-project-file` errors.
struct TenantRuleReader {
    /// The reader of `bers.json`.
    let reader: DocumentReader

    /// The keys every rule may have besides its own.
    static let commonKeys = ["when", "code", "message", "since", "migration"]

    /// The placeholders a migration message may use.
    static let migrationNames = ["count", "s", "items", "since", "code"]

    /// The codes BERS reports itself, which rules may not declare.
    static let reservedCodes: [TenantIssue.Code] = [.schema, .hashMismatch, .overrideNotAllowed, .needsMigration]

    /// The pointers of the objects in the array at `pointer` (none when absent).
    func entries(at pointer: JSONPointer) throws(ConfigError) -> [JSONPointer] {
        guard let value = reader.value(at: pointer) else { return [] }
        guard case .array(let elements) = value else {
            throw reader.fail(pointer, "expected an array of rules, found \(value.typeName)")
        }
        return try elements.indices.map { index throws(ConfigError) in
            let entry = pointer.appending(index: index)
            guard try reader.object(at: entry) != nil else { throw reader.fail(entry, "expected an object") }
            return entry
        }
    }

    /// Runs `body`, locating a syntax error at `pointer` (at its key when `atKey`).
    func located<T>(_ pointer: JSONPointer, atKey: Bool = false, _ body: () throws(RuleSyntaxError) -> T)
        throws(ConfigError) -> T
    {
        do { return try body() } catch {
            throw atKey ? reader.failAtKey(pointer, error.message) : reader.fail(pointer, error.message)
        }
    }

    /// The required string at `pointer`.
    func requiredString(at pointer: JSONPointer) throws(ConfigError) -> String {
        guard let text = try reader.string(at: pointer) else {
            throw reader.fail(pointer, "missing \"\(pointer.lastToken ?? "")\"")
        }
        return text
    }

    /// The pattern at `pointer` (required).
    func pattern(at pointer: JSONPointer) throws(ConfigError) -> PointerPattern {
        let text = try requiredString(at: pointer)
        return try located(pointer) { () throws(RuleSyntaxError) in try PointerPattern(parsing: text) }
    }

    /// The code at `pointer` (required): dot-separated lowercase words such as `tenant.unknown-cta`,
    /// and not one BERS reports itself.
    func code(at pointer: JSONPointer) throws(ConfigError) -> TenantIssue.Code {
        let text = try requiredString(at: pointer)
        let code = TenantIssue.Code(text)
        guard code.isWellFormed else {
            throw reader.fail(pointer, "a code is dot-separated lowercase words, such as \"tenant.unknown-cta\"")
        }
        guard !Self.reservedCodes.contains(code) else {
            throw reader.fail(pointer, "\(text) is reported by BERS itself; declare a code of your own")
        }
        return code
    }

    /// The `since` version at `pointer`, if present.
    func since(at pointer: JSONPointer) throws(ConfigError) -> TenantRule.Since? {
        guard let text = try reader.string(at: pointer) else { return nil }
        guard let version = DocumentVersion(parsing: text) else {
            throw reader.fail(pointer, "expected a version such as \"1.3\" or \"v1.4.1\", found \"\(text)\"")
        }
        return TenantRule.Since(text: text, version: version)
    }

    /// The message template at `pointer`, or `fallback` when absent; it may use `names`.
    func template(at pointer: JSONPointer, names: [String], fallback: RuleTemplate) throws(ConfigError)
        -> RuleTemplate
    {
        guard let text = try reader.string(at: pointer) else { return fallback }
        return try located(pointer) { () throws(RuleSyntaxError) in
            let template = try RuleTemplate(parsing: text)
            try Self.check(template.placeholders, names: names)
            return template
        }
    }

    /// The `when` conditions at `pointer`: pointers (templates without wildcards) to the values
    /// that must be there.
    func conditions(at pointer: JSONPointer, names: [String]) throws(ConfigError) -> [TenantRule.Condition] {
        guard let object = try reader.object(at: pointer) else { return [] }
        return try object.map { member throws(ConfigError) in
            try located(pointer.appending(member.key), atKey: true) { () throws(RuleSyntaxError) in
                let template = try Self.pointerTemplate(member.key, names: names)
                guard !template.hasWildcards else {
                    throw RuleSyntaxError("a condition names one place; \"*\" belongs in the rule's pattern")
                }
                return TenantRule.Condition(pointer: template, value: member.value)
            }
        }
    }

    /// The pointer template in `text`, which may use `names`.
    static func pointerTemplate(_ text: String, names: [String]) throws(RuleSyntaxError) -> PointerTemplate {
        guard text.utf8.first == UInt8(ascii: "/") else {
            throw RuleSyntaxError("expected a JSON pointer starting with \"/\", found \"\(text)\"")
        }
        let template = try PointerTemplate(parsing: text)
        try check(template.placeholders, names: names)
        return template
    }

    /// Fails on the first placeholder not in `names`, suggesting the closest.
    static func check(_ placeholders: [String], names: [String]) throws(RuleSyntaxError) {
        for name in placeholders where !names.contains(name) {
            if let number = Int(name), number > 0 {
                let captures = names.count { Int($0) != nil }
                throw RuleSyntaxError(
                    "{\(name)} captures nothing: the pattern has \(captures) wildcard\(captures == 1 ? "" : "s")"
                )
            }
            var message = "unknown placeholder {\(name)}"
            if let suggestion = Suggestions.closest(to: name, in: names) {
                message += "; did you mean {\(suggestion)}?"
            }
            message += " (known: \(names.map { "{\($0)}" }.joined(separator: ", ")))"
            throw RuleSyntaxError(message)
        }
    }

    /// The placeholders every template of a rule whose pattern has `captures` wildcards may use.
    static func names(captures: Int, _ extra: [String] = []) -> [String] {
        (0..<captures).map { String($0 + 1) } + ["key", "pointer", "since"] + extra
    }
}
