import BERSJSON

extension TenantRuleChecker {
    /// One `tenant.needs-migration` warning per code and version among `postponed`: the places a
    /// document older than the rule's `since` breaks it.
    func migrationWarnings(_ rule: TenantRule, _ postponed: [Finding]) -> [TenantIssue] {
        var groups: [(key: String, findings: [Finding])] = []
        for finding in postponed {
            let key = "\(finding.code.rawValue) \(finding.since?.text ?? "")"
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].findings.append(finding)
            } else {
                groups.append((key, [finding]))
            }
        }
        return groups.compactMap { group in
            guard let first = group.findings.first else { return nil }
            let count = group.findings.count
            let message = rule.migration.render([
                "count": String(count), "s": count == 1 ? "" : "s",
                "items": group.findings.map(\.label).joined(separator: ", "),
                "since": first.since?.text ?? "", "code": first.code.rawValue,
            ])
            let place = Finding(
                code: .needsMigration,
                pointer: Self.commonParent(of: group.findings.map(\.pointer)),
                message: message,
                label: "",
                since: nil
            )
            return issue(place)
        }
    }

    /// The longest pointer every one of `pointers`' parents starts with.
    static func commonParent(of pointers: [JSONPointer]) -> JSONPointer {
        let parents = pointers.map { $0.parent ?? .root }
        guard var common = parents.first?.tokens else { return .root }
        for parent in parents.dropFirst() {
            common = Array(zip(common, parent.tokens).prefix { $0 == $1 }.map(\.0))
        }
        return JSONPointer(tokens: common)
    }
}
