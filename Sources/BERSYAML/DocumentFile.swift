public import BERSJSON

/// Reads a document file as JSON or YAML by its name.
///
/// `.yaml` and `.yml` (any case) are YAML, everything else JSON. The one place that decides, for
/// layers, tenant documents and `bers validate`.
public enum DocumentFile {
    /// Whether a file of this name is read as YAML.
    public static func isYAML(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// The document in `bytes`, parsed as YAML or JSON according to `file`'s name.
    ///
    /// - Throws: ``BERSJSON/JSONError`` with the `file:line:col` of the problem.
    public static func parse(_ bytes: [UInt8], file: String) throws(JSONError) -> JSONDocument {
        isYAML(file) ? try YAMLReader().parse(bytes, file: file) : try JSONParser().parse(bytes, file: file)
    }
}
