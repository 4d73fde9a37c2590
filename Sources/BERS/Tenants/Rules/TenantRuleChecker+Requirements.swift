import BERSJSON

extension TenantRuleChecker {
    /// What a required-field rule finds at one matched object: an unknown discriminator value,
    /// or the missing field of its case.
    func requirementFindings(
        _ rule: TenantRule,
        _ requirement: TenantRule.Requirement,
        _ match: PointerPattern.Match,
        _ bindings: [String: String]
    ) -> [Finding] {
        guard case .object(let object) = match.value, let (value, found) = requirement.matchingCase(of: object)
        else { return [] }
        var bindings = bindings
        bindings["by"] = value
        bindings["known"] = requirement.cases.compactMap(\.value).joined(separator: ", ")
        let label = match.pointer.lastToken ?? ""
        guard let found else {
            guard let unknown = requirement.unknown, let discriminator = requirement.discriminator else { return [] }
            return [
                Finding(
                    code: unknown.code,
                    pointer: match.pointer.appending(discriminator),
                    message: unknown.message.render(bindings),
                    label: label,
                    since: rule.since
                )
            ]
        }
        guard let field = found.field, !requirement.isPresent(object[field]) else { return [] }
        let since = found.since ?? rule.since
        bindings["field"] = field
        bindings["since"] = since?.text ?? ""
        return [
            Finding(
                code: rule.code,
                pointer: match.pointer,
                message: rule.message.render(bindings),
                label: label,
                since: since
            )
        ]
    }
}
