import BERSJSON
import BERSSchema

/// Applies declared ``TenantRule``s to one tenant document.
///
/// Every place a rule's pattern matches (and whose `when` conditions hold) is checked; what fails
/// is an error, unless the document's version is older than the rule's `since`: then the places
/// are grouped into one `tenant.needs-migration` warning per rule.
struct TenantRuleChecker {
    /// The rules, in declared order.
    let rules: [TenantRule]
    /// The document checked.
    let document: JSONDocument

    /// A rule broken at one place.
    struct Finding {
        /// The code to report.
        var code: TenantIssue.Code
        /// Where.
        var pointer: JSONPointer
        /// Whether to locate the member's key rather than its value.
        var atKey = false
        /// What is wrong.
        var message: String
        /// How a migration warning names the place.
        var label: String
        /// The version from which it is an error.
        var since: TenantRule.Since?
    }

    /// Errors in document order, then migration warnings in rule order.
    func check() -> (errors: [TenantIssue], warnings: [TenantIssue]) {
        let version = DocumentVersion.of(document.value)
        var targets = TargetIndex(document: document.value)
        var errors: [TenantIssue] = []
        var warnings: [TenantIssue] = []
        for rule in rules {
            var postponed: [Finding] = []
            for finding in findings(of: rule, targets: &targets) {
                if let since = finding.since, version < since.version {
                    postponed.append(finding)
                } else {
                    errors.append(issue(finding))
                }
            }
            warnings += migrationWarnings(rule, postponed)
        }
        return (Self.inDocumentOrder(errors), warnings)
    }

    /// What `rule` finds wrong, in document order.
    private func findings(of rule: TenantRule, targets: inout TargetIndex) -> [Finding] {
        var found: [Finding] = []
        for match in rule.pattern.matches(in: document.value) {
            let bindings = Self.bindings(of: match, since: rule.since)
            guard holds(rule.conditions, bindings) else { continue }
            switch rule.check {
            case .reference(let references):
                found += referenceFindings(rule, references, match, bindings, &targets)
            case .requirement(let requirement):
                found += requirementFindings(rule, requirement, match, bindings)
            case .keyShape(let regex):
                found += keyShapeFindings(rule, regex, match, bindings)
            }
        }
        return found
    }

    /// A reference whose string is at none of its targets.
    private func referenceFindings(
        _ rule: TenantRule,
        _ references: [PointerTemplate],
        _ match: PointerPattern.Match,
        _ bindings: [String: String],
        _ targets: inout TargetIndex
    ) -> [Finding] {
        guard let value = match.value.stringValue else { return [] }
        var bindings = bindings
        bindings["value"] = value
        guard !references.contains(where: { targets.contains(value, at: $0, bindings) }) else { return [] }
        return [
            Finding(
                code: rule.code,
                pointer: match.pointer,
                message: rule.message.render(bindings),
                label: value,
                since: rule.since
            )
        ]
    }

    /// An object key that does not match the rule's regular expression (array elements pass).
    private func keyShapeFindings(
        _ rule: TenantRule,
        _ regex: ECMARegex,
        _ match: PointerPattern.Match,
        _ bindings: [String: String]
    ) -> [Finding] {
        let key = match.pointer.lastToken ?? ""
        guard match.isMember, (try? regex.matches(key)) != true else { return [] }
        return [
            Finding(
                code: rule.code,
                pointer: match.pointer,
                atKey: true,
                message: rule.message.render(bindings),
                label: key,
                since: rule.since
            )
        ]
    }

    /// Whether every condition holds at the place `bindings` describe.
    private func holds(_ conditions: [TenantRule.Condition], _ bindings: [String: String]) -> Bool {
        conditions.allSatisfy { condition in
            condition.pointer.render(bindings).pointer.flatMap { document.value[pointer: $0] } == condition.value
        }
    }

    /// The placeholders of a match: its captures, key and pointer, and the rule's `since`.
    static func bindings(of match: PointerPattern.Match, since: TenantRule.Since?) -> [String: String] {
        var bindings = ["key": match.pointer.lastToken ?? "", "pointer": match.pointer.description]
        for (index, capture) in match.captures.enumerated() { bindings[String(index + 1)] = capture }
        bindings["since"] = since?.text ?? ""
        return bindings
    }

    /// The issue of a finding, located at its value (or key).
    func issue(_ finding: Finding) -> TenantIssue {
        let exact = finding.atKey ? document.keyLocation(of: finding.pointer) : document.location(of: finding.pointer)
        return TenantIssue(
            code: finding.code,
            pointer: finding.pointer,
            message: finding.message,
            location: exact ?? document.nearestLocation(of: finding.pointer)
        )
    }

    /// `issues` sorted by location; unlocated ones last, each group in its first order.
    private static func inDocumentOrder(_ issues: [TenantIssue]) -> [TenantIssue] {
        issues.enumerated()
            .sorted { lhs, rhs in
                let left = (lhs.element.location?.line ?? .max, lhs.element.location?.column ?? .max, lhs.offset)
                let right = (rhs.element.location?.line ?? .max, rhs.element.location?.column ?? .max, rhs.offset)
                return left < right
            }
            .map(\.element)
    }
}
