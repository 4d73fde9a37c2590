import BERSJSON

/// One parsed layer: where it comes from, and its document as a flat tape (see ``JSONTape``).
struct Layer: Sendable {
    let source: LayerSource
    let tape: JSONTape
    /// The nodes holding encrypted or referenced secrets (set when they were opened).
    var secrets = LayerSecrets.none

    /// A layer from a tape (a parsed JSON file).
    init(source: LayerSource, tape: JSONTape) {
        self.source = source
        self.tape = tape
    }

    /// A layer from a document read some other way (YAML) or built in code (overrides, tenants).
    ///
    /// - Throws: ``ConfigError`` `config.malformed-layer` (`json.size-limit`) when its strings are
    ///   too large for a tape.
    init(source: LayerSource, document: JSONDocument) throws(ConfigError) {
        do {
            self.init(source: source, tape: try JSONTape(document: document))
        } catch {
            throw ConfigError.malformed(error)
        }
    }

    /// An empty object layer, for merges without any layer.
    static let empty = Layer(source: LayerSource(kind: .defaults, name: "(empty)"), tape: .emptyObject(file: "(empty)"))

    /// The whole layer as a value.
    var value: JSONValue { tape.value(ofNode: 0) }
}
