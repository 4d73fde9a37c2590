import BERSJSON

extension TenantRule {
    /// The fields an object needs (`requires`): always the same one, or one chosen by the value
    /// of a discriminating field (`by`), such as a CTA's `action`.
    struct Requirement: Sendable {
        /// The field needed, for one value of the discriminator.
        struct Case: Sendable {
            /// The discriminator value (`start_form`); `nil` for an unconditional requirement.
            var value: String?
            /// The field needed, or `nil` when this value needs none.
            var field: String?
            /// The first version that needs it, when later than the rule's.
            var since: Since?
        }

        /// The discriminating field, when the field needed depends on one.
        var discriminator: String?
        /// The cases: one unconditional case, or one per known discriminator value.
        var cases: [Case]
        /// The JSON type a field must have to count as present (`string`, `number`, …), if any.
        var type: String?
        /// How to report a discriminator value with no case; `nil` lets it pass.
        var unknown: (code: TenantIssue.Code, message: RuleTemplate)?

        /// The JSON type names `type` may be.
        static let typeNames = ["string", "number", "integer", "boolean", "object", "array"]

        /// The case for an object, or `nil` when the discriminator is absent or not a string.
        func matchingCase(of object: JSONObject) -> (value: String?, found: Case?)? {
            guard let discriminator else { return (nil, cases.first) }
            guard let value = object[discriminator]?.stringValue else { return nil }
            return (value, cases.first { $0.value == value })
        }

        /// Whether `value` counts as a present field: not `null`, not `""`, and of ``type`` if set.
        func isPresent(_ value: JSONValue?) -> Bool {
            guard let value, !value.isNull, value != "" else { return false }
            guard let type else { return true }
            switch type {
            case "number": return value.doubleValue != nil
            case "integer": return value.integerValue != nil
            default: return value.typeName == type
            }
        }
    }
}
