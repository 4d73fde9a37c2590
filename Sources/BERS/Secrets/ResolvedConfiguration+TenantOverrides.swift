import BERSJSON

extension ResolvedConfiguration {
    /// What may be shown of a tenant document: `tenant` with its secrets `<redacted>`.
    ///
    /// Redacted are every encrypted value (`enc:v1:…`) and `$secret` reference wherever it is, and
    /// each override under `overridesKey` that lands on a secret of this configuration (a place
    /// the schema marks secret, or a value that is secret here).
    public func redactingOverrides(in tenant: JSONValue, overridesKey: String) -> JSONValue {
        let tenant = Self.containsSecretLiteral(tenant) ? Self.redactingSecretLiterals(in: tenant) : tenant
        let locations = storage.secretLocations.locations
        guard hasSecrets || locations.coversEverything || !locations.patterns.isEmpty,
            case .object(var document) = tenant, let overrides = document[overridesKey]
        else { return tenant }
        document[overridesKey] = redactingSecrets(in: overrides, at: .root)
        return .object(document)
    }

    /// Whether `value` holds an encrypted value or a `$secret` reference (a walk that builds
    /// nothing).
    static func containsSecretLiteral(_ value: JSONValue) -> Bool {
        if SecretLocations.isSecretLiteral(value) { return true }
        switch value {
        case .object(let object): return object.contains { containsSecretLiteral($0.value) }
        case .array(let elements): return elements.contains(where: containsSecretLiteral)
        default: return false
        }
    }

    /// `value` with every encrypted value and `$secret` reference replaced by `<redacted>`.
    static func redactingSecretLiterals(in value: JSONValue) -> JSONValue {
        if SecretLocations.isSecretLiteral(value) { return .string(SecretRedaction.placeholder) }
        switch value {
        case .object(let object):
            return .object(JSONObject(object.map { ($0.key, redactingSecretLiterals(in: $0.value)) }))
        case .array(let elements):
            return .array(elements.map(redactingSecretLiterals(in:)))
        default:
            return value
        }
    }

    private func redactingSecrets(in value: JSONValue, at pointer: JSONPointer) -> JSONValue {
        if !pointer.isRoot, isSecret(at: pointer) || storage.secretLocations.locations.contains(pointer.tokens) {
            return .string(SecretRedaction.placeholder)
        }
        switch value {
        case .object(let object):
            return .object(
                JSONObject(object.map { ($0.key, redactingSecrets(in: $0.value, at: pointer.appending($0.key))) })
            )
        case .array(let elements):
            return .array(elements.enumerated().map { redactingSecrets(in: $1, at: pointer.appending(index: $0)) })
        default:
            return value
        }
    }
}
