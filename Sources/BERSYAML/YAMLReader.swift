import BERSJSON

/// PLACEHOLDER until the YAML reader lands.
public struct YAMLReader: Sendable {
    public init() {}
    public func parse(_ bytes: [UInt8], file: String) throws(JSONError) -> JSONDocument {
        throw JSONError(.yaml, "YAML reader not implemented yet")
    }
}
