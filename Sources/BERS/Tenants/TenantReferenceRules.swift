import BERSJSON

/// The reference-integrity rules of tenant documents that a JSON Schema cannot express: every CTA
/// a branch names exists, every `formId` names a form, each CTA action has its field, chip ids are
/// slugs, branch references resolve, and (from version 1.3) every form has a `program` and every
/// `show_info` CTA a `prompt`.
///
/// Rules apply by document version: a 1.1 document is not held to 1.3's requirements, but gets a
/// `tenant.needs-migration` warning for them.
struct TenantReferenceRules {
    let document: JSONDocument

    /// The field each CTA action needs.
    static let actionFields = [
        "start_form": "formId", "external_link": "url", "send_query": "query", "show_info": "prompt",
    ]

    /// Errors and warnings, in document order.
    func check() -> (errors: [TenantIssue], warnings: [TenantIssue]) {
        var errors: [TenantIssue] = []
        var warnings: [TenantIssue] = []
        let value = document.value
        let version = TenantReferenceRules.version(of: value)
        let requires13 = atLeast(version, [1, 3])

        func issue(_ code: TenantIssue.Code, _ pointer: JSONPointer, _ message: String, key: Bool = false)
            -> TenantIssue
        {
            let location = key ? document.keyLocation(of: pointer) : document.location(of: pointer)
            return TenantIssue(
                code: code,
                pointer: pointer,
                message: message,
                location: location ?? document.nearestLocation(of: pointer)
            )
        }

        let ctas = value["cta_definitions"]?.objectValue ?? [:]
        let forms = value["conversational_forms"]?.objectValue ?? [:]
        let branches = value["conversation_branches"]?.objectValue ?? [:]
        var formNames = Set(forms.keys)
        for (_, form) in forms { if let id = form["form_id"]?.stringValue { formNames.insert(id) } }

        // Branches name CTAs.
        for (branch, definition) in branches {
            let base = JSONPointer(tokens: ["conversation_branches", branch, "available_ctas"])
            var named: [(JSONPointer, String)] = []
            if let primary = definition[pointer: "/available_ctas/primary"]?.stringValue {
                named.append((base.appending("primary"), primary))
            }
            for (index, secondary) in (definition[pointer: "/available_ctas/secondary"]?.arrayValue ?? []).enumerated()
            {
                if let id = secondary.stringValue {
                    named.append((base.appending("secondary").appending(index: index), id))
                }
            }
            for (pointer, id) in named where !ctas.contains(key: id) {
                errors.append(
                    issue(
                        .unknownCTA,
                        pointer,
                        "branch \"\(branch)\" names CTA \"\(id)\", which cta_definitions does not define"
                    )
                )
            }
        }

        // CTAs need their action's field; formId names a form.
        var promptless: [JSONPointer] = []
        for (id, cta) in ctas {
            let base = JSONPointer(tokens: ["cta_definitions", id])
            guard let action = cta["action"]?.stringValue else { continue }
            guard let field = TenantReferenceRules.actionFields[action] else {
                errors.append(
                    issue(
                        .unknownAction,
                        base.appending("action"),
                        "CTA \"\(id)\" has action \"\(action)\"; known actions: \(TenantReferenceRules.actionFields.keys.sorted().joined(separator: ", "))"
                    )
                )
                continue
            }
            // The field must be a non-empty string: null, a number or "" count as missing.
            let present = !(cta[field]?.stringValue?.isEmpty ?? true)
            if !present {
                if action == "show_info" && !requires13 {
                    promptless.append(base)
                } else {
                    errors.append(
                        issue(.missingActionField, base, "CTA \"\(id)\" has action \(action) but no \"\(field)\"")
                    )
                }
            }
            if action == "start_form", let formID = cta["formId"]?.stringValue, !formNames.contains(formID) {
                errors.append(
                    issue(
                        .unknownForm,
                        base.appending("formId"),
                        "CTA \"\(id)\" starts form \"\(formID)\", which conversational_forms does not define (by key or form_id)"
                    )
                )
            }
        }
        if !promptless.isEmpty {
            warnings.append(
                issue(
                    .needsMigration,
                    "/cta_definitions",
                    "\(promptless.count) show_info CTA\(promptless.count == 1 ? "" : "s") (\(promptless.map { $0.lastToken ?? "" }.joined(separator: ", "))) have no \"prompt\", which version 1.3 requires"
                )
            )
        }

        // Forms need a program from 1.3.
        var programless: [String] = []
        for (key, form) in forms where form["program"] == nil {
            if requires13 {
                errors.append(
                    issue(
                        .missingProgram,
                        JSONPointer(tokens: ["conversational_forms", key]),
                        "form \"\(key)\" has no \"program\", which version 1.3 requires"
                    )
                )
            } else {
                programless.append(key)
            }
        }
        if !programless.isEmpty {
            warnings.append(
                issue(
                    .needsMigration,
                    "/conversational_forms",
                    "\(programless.count) form\(programless.count == 1 ? "" : "s") (\(programless.joined(separator: ", "))) have no \"program\", which version 1.3 requires"
                )
            )
        }

        // Chips keyed by slug ids (1.4.1), and their branch targets.
        if case .object(let chips)? = value[pointer: "/action_chips/default_chips"] {
            for (id, chip) in chips {
                let pointer = JSONPointer(tokens: ["action_chips", "default_chips", id])
                if !TenantReferenceRules.isSlug(id) {
                    errors.append(
                        issue(
                            .invalidChipID,
                            pointer,
                            "chip id \"\(id)\" is not a slug (lowercase letters, digits and _)",
                            key: true
                        )
                    )
                }
                if let target = chip["target_branch"]?.stringValue, !branches.contains(key: target) {
                    errors.append(
                        issue(
                            .unknownBranch,
                            pointer.appending("target_branch"),
                            "chip \"\(id)\" targets branch \"\(target)\", which does not exist"
                        )
                    )
                }
            }
        }
        if let fallback = value[pointer: "/cta_settings/fallback_branch"]?.stringValue,
            !branches.contains(key: fallback)
        {
            errors.append(
                issue(.unknownBranch, "/cta_settings/fallback_branch", "fallback branch \"\(fallback)\" does not exist")
            )
        }
        return (errors, warnings)
    }

    static func isSlug(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The document's version as numbers (`"1.4.1"` or `"v1.4.1"` → [1, 4, 1]); [0] when absent.
    ///
    /// A version that does not parse is held to the newest rules.
    static func version(of value: JSONValue) -> [Int] {
        guard let text = value["version"]?.stringValue else { return [0] }
        let digits = text.hasPrefix("v") || text.hasPrefix("V") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return [Int.max] }
        return parts.compactMap { $0 }
    }
}

/// Whether version `lhs` is at least `rhs`.
private func atLeast(_ lhs: [Int], _ rhs: [Int]) -> Bool { !lhs.lexicographicallyPrecedes(rhs) }
