import BERSJSON

/// One problem found in a tenant document: a schema failure, a broken rule, a wrong hash or a
/// refused override.
public struct TenantIssue: Sendable, Hashable {
    /// A stable identifier of the kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable text of the code.
        public let rawValue: String

        /// A code with this text: one of the built-in codes below, or one a rule of `bers.json`
        /// declares (dot-separated lowercase words, such as `tenant.unknown-cta`).
        public init(_ rawValue: String) { self.rawValue = rawValue }

        // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
        public var description: String { rawValue }

        /// Whether the text is dot-separated words of lowercase letters, digits and inner `-`
        /// (at least two words), the shape declared codes must have.
        public var isWellFormed: Bool {
            let words = rawValue.split(separator: ".", omittingEmptySubsequences: false)
            return words.count >= 2
                && words.allSatisfy { word in
                    !word.isEmpty && word.first != "-" && word.last != "-"
                        && word.unicodeScalars.allSatisfy {
                            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                        }
                }
        }

        // The codes of BERS's own checks.

        /// The document does not satisfy the tenant schema.
        public static let schema = Code("tenant.schema")
        /// `tenant_hash` is not the hash of `tenant_id` by the project's recipe.
        public static let hashMismatch = Code("tenant.hash-mismatch")
        /// The document overrides an environment path the project does not allow.
        public static let overrideNotAllowed = Code("tenant.override-not-allowed")
        /// The document breaks a rule that holds from a later version than its own (a warning
        /// grouping the places; see the `since` of declared rules).
        public static let needsMigration = Code("tenant.needs-migration")

        // The codes the rules of the Picasso example declare (`Examples/picasso/config/bers.json`).

        /// A conversation branch names a CTA that does not exist.
        public static let unknownCTA = Code("tenant.unknown-cta")
        /// A CTA's `formId` names no form (neither a form key nor a `form_id`).
        public static let unknownForm = Code("tenant.unknown-form")
        /// A CTA lacks the field its action needs (`formId`, `url`, `query`, `prompt`).
        public static let missingActionField = Code("tenant.missing-action-field")
        /// A CTA has an action the rules do not know.
        public static let unknownAction = Code("tenant.unknown-action")
        /// An action chip id is not a slug (`^[a-z0-9_]+$`).
        public static let invalidChipID = Code("tenant.invalid-chip-id")
        /// A chip's `target_branch` or the CTA settings' `fallback_branch` names no branch.
        public static let unknownBranch = Code("tenant.unknown-branch")
        /// A form lacks the `program` every form needs from version 1.3.
        public static let missingProgram = Code("tenant.missing-program")
    }

    /// The kind of problem.
    public var code: Code
    /// Where in the document (JSON pointer).
    public var pointer: JSONPointer
    /// One sentence saying what is wrong.
    public var message: String
    /// `file:line:col` of the offending value, when known.
    public var location: SourceLocation?

    /// An issue with these fields.
    public init(code: Code, pointer: JSONPointer, message: String, location: SourceLocation?) {
        self.code = code
        self.pointer = pointer
        self.message = message
        self.location = location
    }
}

extension TenantIssue: CustomStringConvertible {
    /// `file:line:col: [code] /pointer: message`.
    public var description: String {
        let place = pointer.isRoot ? "(root)" : pointer.description
        let text = "[\(code)] \(place): \(message)"
        return location.map { "\($0): \(text)" } ?? text
    }
}

extension TenantIssue {
    /// `{"code", "pointer", "message", "location"}`, as the `--json` reports print it.
    public var jsonValue: JSONValue {
        [
            "code": .string(code.rawValue), "pointer": .string(pointer.description), "message": .string(message),
            "location": location.map { .string($0.description) } ?? .null,
        ]
    }
}
