import BERS
import BERSJSON

/// A configuration as one request may see it: secrets `<redacted>`, or in clear for a caller
/// allowed to read them.
struct SecretView {
    let configuration: ResolvedConfiguration
    let reveal: Bool

    /// The whole document.
    var value: JSONValue { reveal ? configuration.value : configuration.redactedValue() }

    /// The value at a dotted path or pointer.
    func value(at path: String) -> JSONValue? {
        reveal ? configuration.value(at: path) : configuration.redactedValue(at: path)
    }

    /// The provenance of the value at `path`.
    func provenance(at path: String) -> Provenance? {
        guard let provenance = configuration.provenance(at: path) else { return nil }
        return reveal ? provenance : configuration.redacted(provenance)
    }

    /// Every leaf's provenance, keyed by pointer.
    var provenanceDocument: JSONValue {
        guard reveal else { return configuration.provenanceDocument() }
        let everything = Set(configuration.secretPointers)
        return configuration.provenanceDocument(revealing: everything)
    }
}
