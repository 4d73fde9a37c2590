import BERSJSON
import BERSSchema

/// One declared rule of tenant documents (an entry of `tenants.references` or `tenants.rules` in
/// `bers.json`): where it applies, what it checks, and how it reports.
struct TenantRule: Sendable {
    /// What a rule checks at each place its pattern matches.
    enum Check: Sendable {
        /// The value (a string) names something that exists: a key at one of the targets that
        /// use `{value}`, or a string at one of the targets that do not.
        case reference(targets: [PointerTemplate])
        /// The object has the fields it needs.
        case requirement(Requirement)
        /// The member's key matches a regular expression.
        case keyShape(ECMARegex)
    }

    /// A place the rule applies only when it holds: the value at `pointer` equals `value`.
    struct Condition: Sendable {
        /// Where to look (captures filled in).
        var pointer: PointerTemplate
        /// What must be there.
        var value: JSONValue
    }

    /// The places the rule applies to (`from`, `each` or `keys`).
    var pattern: PointerPattern
    /// What it checks.
    var check: Check
    /// Conditions every place must meet for the rule to apply (`when`).
    var conditions: [Condition]
    /// The code of its issues.
    var code: TenantIssue.Code
    /// The message of its issues.
    var message: RuleTemplate
    /// The first document version the rule holds for (older documents get a migration warning).
    var since: Since?
    /// The message of the migration warning that groups the places an older document breaks it.
    var migration: RuleTemplate

    /// A `since` version, as written and as numbers.
    struct Since: Sendable, Hashable {
        /// The text of `bers.json`, shown in messages.
        var text: String
        /// The version.
        var version: DocumentVersion
    }
}
