import BERSJSON

extension TenantRuleReader {
    /// A required-field rule: each object `each` matches has the field `requires` names, or the
    /// field the value of its `by` field chooses.
    func requirement(at entry: JSONPointer) throws(ConfigError) -> TenantRule {
        try reader.rejectUnknownKeys(at: entry, allowed: Self.requirementKeys)
        let pattern = try pattern(at: entry.appending("each"))
        let discriminator = try reader.string(at: entry.appending("by"))
        let chosen = discriminator == nil ? [] : ["by", "known"]
        let names = Self.names(captures: pattern.wildcardCount, ["field"] + chosen)
        let requirement = TenantRule.Requirement(
            discriminator: discriminator,
            cases: try cases(at: entry, discriminator: discriminator),
            type: try reader.choice(at: entry.appending("type"), TenantRule.Requirement.typeNames),
            unknown: try unknown(
                at: entry.appending("unknown"),
                discriminator: discriminator,
                names: Self.names(captures: pattern.wildcardCount, chosen)
            )
        )
        let message = RuleTemplate(
            segments: [.placeholder("pointer"), .text(" has ")]
                + (discriminator.map { [.text("\($0) "), .placeholder("by"), .text(" but ")] } ?? [])
                + [.text("no \""), .placeholder("field"), .text("\"")]
        )
        return try rule(at: entry, pattern: pattern, check: .requirement(requirement), names: names, message)
    }

    /// The cases of `requires`: a field name, or (with `by`) an object mapping each known value
    /// of the discriminator to a field name, `null`, or `{"field": …, "since": …}`.
    private func cases(at entry: JSONPointer, discriminator: String?) throws(ConfigError)
        -> [TenantRule.Requirement.Case]
    {
        let pointer = entry.appending("requires")
        switch reader.value(at: pointer) {
        case .string(let field) where discriminator == nil && !field.isEmpty:
            return [.init(value: nil, field: field, since: nil)]
        case .string:
            guard discriminator == nil else {
                throw reader.fail(
                    entry.appending("by"),
                    "\"by\" goes with a \"requires\" object mapping each value of the field to the field it needs"
                )
            }
            throw reader.fail(pointer, "the field name must not be empty")
        case .object(let object) where discriminator != nil && !object.isEmpty:
            return try object.map { member throws(ConfigError) in
                try requiredCase(member.key, at: pointer.appending(member.key))
            }
        case .object:
            guard discriminator != nil else {
                throw reader.fail(pointer, "a \"requires\" object maps values of the \"by\" field; add \"by\"")
            }
            throw reader.fail(pointer, "expected at least one value")
        case nil: throw reader.fail(pointer, "missing \"requires\": the field each object needs")
        case let other?:
            throw reader.fail(pointer, "expected a field name or an object, found \(other.typeName)")
        }
    }

    /// One member of a `requires` object.
    private func requiredCase(_ value: String, at pointer: JSONPointer) throws(ConfigError)
        -> TenantRule.Requirement.Case
    {
        switch reader.value(at: pointer) {
        case .string(let field) where !field.isEmpty: return .init(value: value, field: field, since: nil)
        case .null: return .init(value: value, field: nil, since: nil)
        case .object:
            try reader.rejectUnknownKeys(at: pointer, allowed: ["field", "since"])
            let field = try requiredString(at: pointer.appending("field"))
            guard !field.isEmpty else { throw reader.fail(pointer.appending("field"), "must not be empty") }
            return .init(value: value, field: field, since: try since(at: pointer.appending("since")))
        default:
            throw reader.fail(
                pointer,
                "expected a field name, null (nothing needed) or {\"field\": …, \"since\": …}"
            )
        }
    }

    /// How a value of the discriminator with no case is reported (`unknown`), if it is.
    private func unknown(at pointer: JSONPointer, discriminator: String?, names: [String]) throws(ConfigError)
        -> (code: TenantIssue.Code, message: RuleTemplate)?
    {
        guard try reader.object(at: pointer) != nil else { return nil }
        guard let discriminator else { throw reader.fail(pointer, "\"unknown\" goes with \"by\"") }
        try reader.rejectUnknownKeys(at: pointer, allowed: ["code", "message"])
        let message = RuleTemplate(segments: [
            .text("\""), .placeholder("by"), .text("\" is not a known \(discriminator) (known: "),
            .placeholder("known"), .text(")"),
        ])
        return (
            try code(at: pointer.appending("code")),
            try template(at: pointer.appending("message"), names: names, fallback: message)
        )
    }
}
