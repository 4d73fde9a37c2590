import BERSJSON

/// The declared rules of tenant documents: the references, conditional required fields and key
/// shapes that JSON Schema cannot express, read from the `references` and `rules` lists of the
/// `tenants` section of `bers.json`.
///
/// ```json
/// "references": [
///   {"from": "/conversation_branches/*/available_ctas/primary", "to": "/cta_definitions/{value}",
///    "code": "tenant.unknown-cta", "message": "branch \"{1}\" names CTA \"{value}\", which cta_definitions does not define"}
/// ],
/// "rules": [
///   {"each": "/conversational_forms/*", "requires": "program", "since": "1.3", "code": "tenant.missing-program"},
///   {"keys": "/action_chips/default_chips/*", "pattern": "^[a-z0-9_]+$", "code": "tenant.invalid-chip-id"}
/// ]
/// ```
///
/// Rules are checked when `bers.json` is read: a bad pattern, template, version or key is a
/// located ``ConfigError`` `config.invalid-project-file`. A project without rules checks no
/// references. See <doc:DeclarativeTenantRules> for the whole language.
public struct TenantRules: Sendable {
    /// The rules, references first, each list in declared order.
    var rules: [TenantRule]

    /// No rules.
    public init() { rules = [] }

    /// Reads the `references` and `rules` lists of the object at `base` of `document`.
    ///
    /// ```swift
    /// let rules = try TenantRules(document: JSONParser().parse(text, file: "rules.json"))
    /// var settings = TenantSettings()
    /// settings.rules = rules
    /// let report = TenantValidator(schema: nil, settings: settings).validate(tenant)
    /// ```
    ///
    /// - Throws: ``ConfigError`` `config.invalid-project-file`, located, for the first bad rule.
    public init(document: JSONDocument, at base: JSONPointer = .root) throws(ConfigError) {
        try self.init(reader: DocumentReader(document), at: base)
    }

    /// Reads the lists through `reader`, so that errors are located in its document.
    init(reader: DocumentReader, at base: JSONPointer) throws(ConfigError) {
        let rules = TenantRuleReader(reader: reader)
        self.rules =
            try rules.references(at: base.appending("references")) + rules.otherRules(at: base.appending("rules"))
    }

    /// Whether there are no rules.
    public var isEmpty: Bool { rules.isEmpty }

    /// How many rules there are.
    public var count: Int { rules.count }

    /// The codes the rules report, each once, in declared order.
    public var codes: [TenantIssue.Code] {
        var seen: Set<TenantIssue.Code> = []
        return rules.flatMap(\.codes).filter { seen.insert($0).inserted }
    }

    /// The errors and the migration warnings of `document`, errors in document order.
    public func check(_ document: JSONDocument) -> (errors: [TenantIssue], warnings: [TenantIssue]) {
        TenantRuleChecker(rules: rules, document: document).check()
    }
}

extension TenantRule {
    /// The codes this rule reports.
    fileprivate var codes: [TenantIssue.Code] {
        guard case .requirement(let requirement) = check, let unknown = requirement.unknown else { return [code] }
        return [code, unknown.code]
    }
}
