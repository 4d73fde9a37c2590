import BERSJSON

/// The document a project serves when a tenant does not exist (`tenants.fallback` in `bers.json`),
/// clearly marked as a fallback.
enum TenantFallback {
    /// The configured fallback document with the requested hash and the fallback marker set:
    /// `tenant_hash` is `hash` and `metadata.source` is `fallback`.
    static func marked(_ document: JSONObject, for hash: TenantHash) -> JSONValue {
        var object = document
        object["tenant_hash"] = .string(hash.value)
        var metadata = object["metadata"]?.objectValue ?? [:]
        metadata["source"] = "fallback"
        object["metadata"] = .object(metadata)
        return .object(object)
    }

    /// Reads the fallback document at `path`: a JSON object.
    ///
    /// - Throws: ``ConfigError`` when the file cannot be read, is not JSON, or is not an object.
    static func load(_ path: String, from fileSystem: any FileSystem, maxBytes: Int) throws(ConfigError) -> JSONObject {
        let bytes = try fileSystem.contents(atPath: path, maxBytes: maxBytes)
        let document: JSONDocument
        do {
            document = try JSONParser().parse(bytes, file: path)
        } catch {
            throw ConfigError.malformed(error)
        }
        guard case .object(let object) = document.value else {
            throw ConfigError(
                .invalidProjectFile,
                "the fallback tenant document \(path) must be an object, found \(document.value.typeName)",
                location: document.location(of: .root)
            )
        }
        return object
    }
}
