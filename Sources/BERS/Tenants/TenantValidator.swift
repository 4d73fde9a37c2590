import BERSJSON
import BERSSchema

/// Checks tenant documents: the tenant schema (when the project has one), the project's declared
/// rules (``TenantSettings/rules``), the hash recipe, and the override allow-list.
///
/// Every issue has a stable code, a JSON pointer and
/// the `file:line:col` of the value.
///
/// ```swift
/// let report = try project.tenantValidator().validate(document)
/// for issue in report.errors { print(issue) }
/// // tenants/MYR384719/MYR384719-config.json:42:31: [tenant.unknown-cta] /conversation_branches/…: …
/// ```
public struct TenantValidator: Sendable {
    /// The compiled tenant schema, if any.
    public let schema: SchemaValidator?
    /// The project's tenant settings (declared rules, hash recipe, override allow-list).
    public let settings: TenantSettings

    /// A validator with this schema and these settings.
    public init(schema: SchemaValidator?, settings: TenantSettings = TenantSettings()) {
        self.schema = schema
        self.settings = settings
    }

    /// All issues of `document`.
    public func validate(_ document: JSONDocument) -> TenantValidationReport {
        var errors: [TenantIssue] = []
        if let schema {
            for failure in schema.validate(document.value).failures {
                let memberPointer = failure.property.map { failure.instanceLocation.appending($0) }
                let location = failure.sourceLocation { pointer in
                    pointer == memberPointer ? document.keyLocation(of: pointer) : document.location(of: pointer)
                }
                errors.append(
                    TenantIssue(
                        code: .schema,
                        pointer: failure.instanceLocation,
                        message: failure.message,
                        location: location
                    )
                )
            }
        }
        let (ruleErrors, warnings) = settings.rules.check(document)
        errors += ruleErrors
        errors += hashIssues(document)
        errors += overrideIssues(document)
        return TenantValidationReport(errors: errors, warnings: warnings)
    }

    private func hashIssues(_ document: JSONDocument) -> [TenantIssue] {
        guard case .string(let id)? = document.value["tenant_id"],
            case .string(let hash)? = document.value["tenant_hash"]
        else { return [] }
        let candidates = settings.hashPolicy.shapes.compactMap { shape -> String? in
            if case .pattern = shape { return nil }
            return try? TenantHash.derive(tenantID: id, salt: settings.salt, shape: shape).value
        }
        guard !candidates.isEmpty, !candidates.contains(hash) else { return [] }
        return [
            TenantIssue(
                code: .hashMismatch,
                pointer: "/tenant_hash",
                message:
                    "tenant_hash \"\(hash)\" is not the hash of tenant_id \"\(id)\" (expected \(candidates.joined(separator: " or ")))",
                location: document.location(of: "/tenant_hash")
            )
        ]
    }

    private func overrideIssues(_ document: JSONDocument) -> [TenantIssue] {
        guard case .object? = document.value[settings.overridesKey] else { return [] }
        var issues: [TenantIssue] = []
        let base = JSONPointer.root.appending(settings.overridesKey)
        TenantOverrides.forEachLeaf(of: document.value[settings.overridesKey] ?? .null, at: .root) { relative in
            guard !settings.allowsOverride(of: relative) else { return }
            let pointer = base.appending(relative)
            issues.append(
                TenantIssue(
                    code: .overrideNotAllowed,
                    pointer: pointer,
                    message:
                        "tenants may not override \(relative.dottedPath) (bers.json tenants.overridable allows: \(settings.overridable.isEmpty ? "nothing" : settings.overridable.map(\.dottedPath).joined(separator: ", ")))",
                    location: document.location(of: pointer)
                )
            )
        }
        return issues
    }
}
