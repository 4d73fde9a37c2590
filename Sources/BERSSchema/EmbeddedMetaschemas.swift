import BERSJSON

/// The official metaschemas, compiled into the library (see `Scripts/embed-metaschemas.sh`), so
/// that `$schema` and `$ref` to them resolve without files or network.
enum EmbeddedMetaschemas {
    /// Every embedded metaschema, parsed once on first use, keyed by canonical URI.
    static let documents: [String: JSONValue] = {
        var parsed: [String: JSONValue] = [:]
        for (uri, json) in sources {
            // The texts are fixed and tested (`EmbeddedMetaschemaTests`); one that failed to
            // parse would simply be missing, never crash the caller.
            if let document = try? JSONParser().parse(json, file: uri).value {
                parsed[uri] = document
            }
        }
        return parsed
    }()
}
