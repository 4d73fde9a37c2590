import BERS
import BERSJSON

extension BERSConfigSnapshot: CustomStringConvertible {
    /// The provider, the number of values and the layers, such as
    /// `BERSConfigProvider[production] (57 values; layers: default, production)`.
    public var description: String {
        let layers = configuration.layers.map(\.name).joined(separator: ", ")
        return "\(providerName) (\(table.leafCount) values; layers: \(layers))"
    }
}

extension BERSConfigSnapshot: CustomDebugStringConvertible {
    /// The description, then one line per leaf value in document order: `key = value (where it
    /// was set)`, secrets as `<redacted>`.
    public var debugDescription: String {
        let lines = configuration.leafProvenance()
            .map { leaf in
                let shown = configuration.redacted(leaf)
                return "\(ConfigTable.encodedKey(leaf.pointer.tokens)) = \(shown.value.jsonText) (\(shown.source))"
            }
        return ([description] + lines).joined(separator: "\n")
    }
}
