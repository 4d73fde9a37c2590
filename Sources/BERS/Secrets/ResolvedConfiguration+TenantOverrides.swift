import BERSJSON

extension ResolvedConfiguration {
    /// `tenant` with each override under `overridesKey` that lands on a secret of this
    /// configuration (a place the schema marks secret, or a value that is secret here) replaced by
    /// `<redacted>`: what may be shown of a tenant document.
    public func redactingOverrides(in tenant: JSONValue, overridesKey: String) -> JSONValue {
        let locations = storage.secretLocations.locations
        guard hasSecrets || locations.coversEverything || !locations.patterns.isEmpty,
            case .object(var document) = tenant, let overrides = document[overridesKey]
        else { return tenant }
        document[overridesKey] = redactingSecrets(in: overrides, at: .root)
        return .object(document)
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
