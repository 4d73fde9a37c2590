import BERSJSON
import BERSSchema

extension TenantRuleReader {
    /// The keys of a reference rule.
    static let referenceKeys = ["from", "to"] + commonKeys
    /// The keys of a required-field rule.
    static let requirementKeys = ["each", "requires", "by", "type", "unknown"] + commonKeys
    /// The keys of a key-shape rule.
    static let keyShapeKeys = ["keys", "pattern"] + commonKeys

    /// The references in the array at `pointer` (`tenants.references`).
    func references(at pointer: JSONPointer) throws(ConfigError) -> [TenantRule] {
        try entries(at: pointer).map { entry throws(ConfigError) in try reference(at: entry) }
    }

    /// The required-field and key-shape rules in the array at `pointer` (`tenants.rules`).
    func otherRules(at pointer: JSONPointer) throws(ConfigError) -> [TenantRule] {
        try entries(at: pointer)
            .map { entry throws(ConfigError) in
                let keys = Set(try reader.object(at: entry)?.keys ?? [])
                switch (keys.contains("each"), keys.contains("keys")) {
                case (true, false): return try requirement(at: entry)
                case (false, true): return try keyShape(at: entry)
                case (true, true):
                    throw reader.fail(entry, "a rule has \"each\" (required fields) or \"keys\" (key shapes), not both")
                case (false, false):
                    guard !keys.contains("from") else {
                        throw reader.fail(
                            entry,
                            "a rule with \"from\" is a reference: it belongs in tenants.references"
                        )
                    }
                    throw reader.fail(entry, "a rule needs \"each\" (required fields) or \"keys\" (key shapes)")
                }
            }
    }

    /// A reference rule: `from` values name something at one of the `to` targets.
    func reference(at entry: JSONPointer) throws(ConfigError) -> TenantRule {
        try reader.rejectUnknownKeys(at: entry, allowed: Self.referenceKeys)
        let pattern = try pattern(at: entry.appending("from"))
        let names = Self.names(captures: pattern.wildcardCount, ["value"])
        let targets = try targets(at: entry.appending("to"), names: names)
        let message = RuleTemplate(segments: [
            .placeholder("pointer"), .text(" names \""), .placeholder("value"), .text("\", which does not exist"),
        ])
        return try rule(at: entry, pattern: pattern, check: .reference(targets: targets), names: names, message)
    }

    /// The `to` targets at `pointer`: one pointer template or a non-empty array of them.
    private func targets(at pointer: JSONPointer, names: [String]) throws(ConfigError) -> [PointerTemplate] {
        let texts: [(JSONPointer, String)]
        switch reader.value(at: pointer) {
        case .string(let text): texts = [(pointer, text)]
        case .array(let elements) where !elements.isEmpty:
            texts = (try reader.strings(at: pointer) ?? []).enumerated().map { (pointer.appending(index: $0), $1) }
        case nil:
            throw reader.fail(pointer, "missing \"to\": where the value must be, such as \"/cta_definitions/{value}\"")
        default: throw reader.fail(pointer, "expected a pointer or a non-empty array of pointers")
        }
        return try texts.map { place, text throws(ConfigError) in
            try located(place) { () throws(RuleSyntaxError) in try Self.pointerTemplate(text, names: names) }
        }
    }

    /// A key-shape rule: the keys `keys` matches match the regular expression `pattern`.
    func keyShape(at entry: JSONPointer) throws(ConfigError) -> TenantRule {
        try reader.rejectUnknownKeys(at: entry, allowed: Self.keyShapeKeys)
        let pattern = try pattern(at: entry.appending("keys"))
        guard pattern.tokens.last == .wildcard else {
            throw reader.fail(entry.appending("keys"), "a key rule checks the keys of an object: end it with \"/*\"")
        }
        let source = try requiredString(at: entry.appending("pattern"))
        let regex = try located(entry.appending("pattern")) { () throws(RuleSyntaxError) in
            do throws(RegexError) { return try ECMARegex(source) } catch {
                throw RuleSyntaxError("invalid regular expression: \(error.message)")
            }
        }
        let names = Self.names(captures: pattern.wildcardCount)
        let message = RuleTemplate(segments: [
            .text("key \""), .placeholder("key"), .text("\" does not match \(source)"),
        ])
        return try rule(at: entry, pattern: pattern, check: .keyShape(regex), names: names, message)
    }

    /// The parts every rule has: conditions, code, message, `since` and migration message.
    func rule(
        at entry: JSONPointer,
        pattern: PointerPattern,
        check: TenantRule.Check,
        names: [String],
        _ defaultMessage: RuleTemplate
    ) throws(ConfigError) -> TenantRule {
        let migration = RuleTemplate(segments: [
            .placeholder("count"), .text(" place"), .placeholder("s"), .text(" ("), .placeholder("items"),
            .text(") break "), .placeholder("code"), .text(", which version "), .placeholder("since"),
            .text(" requires"),
        ])
        return TenantRule(
            pattern: pattern,
            check: check,
            conditions: try conditions(at: entry.appending("when"), names: names),
            code: try code(at: entry.appending("code")),
            message: try template(at: entry.appending("message"), names: names, fallback: defaultMessage),
            since: try since(at: entry.appending("since")),
            migration: try template(at: entry.appending("migration"), names: Self.migrationNames, fallback: migration)
        )
    }
}
