import BERS
import BERSJSON

/// Writes the `metadata` artifact (`config.meta.json`), the sidecar of the `json` artifact: what
/// the configuration was built from, and with `--provenance` where every value came from.
///
/// ```json
/// {
///   "environment": "staging", "detection": "explicit", "inputsHash": "sha256:…", "version": "0.1.0",
///   "inputs": [{"role": "layer", "file": "default.json", "sha256": "…"}, …],
///   "provenance": {"/api/timeout": {"layer": "staging", "file": "staging.json", "line": 6, …}, …}
/// }
/// ```
///
/// `tenant` and `buildTime` are added for tenant builds and `--build-time`. File names are
/// relative to the config directory, so the bytes do not depend on where the build ran.
struct MetadataArtifactEmitter {
    let provenance: Bool

    func emit(_ input: BuildInput) -> String {
        var metadata: JSONObject = [
            "environment": .string(input.environment.name),
            "detection": .string(input.reason.source),
            "inputsHash": .string(input.inputsHash),
            "version": .string(input.bersVersion),
        ]
        if let tenant = input.tenant { metadata["tenant"] = .string(tenant.value) }
        if let time = input.buildTime { metadata["buildTime"] = .string(time) }
        metadata["inputs"] = .array(
            input.inputs.map { file in
                ["role": .string(file.role.rawValue), "file": .string(file.name), "sha256": .string(file.sha256)]
            }
        )
        if provenance {
            metadata["provenance"] = relativizingFiles(
                input.configuration.provenanceDocument(),
                directory: input.configDirectory
            )
        }
        return JSONSerializer(style: .pretty).string(.object(metadata))
    }

    /// The provenance document with every `file` made relative to the config directory.
    private func relativizingFiles(_ value: JSONValue, directory: String) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(
                    uniqueMembers: object.map { key, member in
                        if key == "file", case .string(let path) = member {
                            return (key, .string(directory == "." ? path : PathText.relative(path, inside: directory)))
                        }
                        return (key, relativizingFiles(member, directory: directory))
                    }
                )
            )
        case .array(let elements):
            return .array(elements.map { relativizingFiles($0, directory: directory) })
        default:
            return value
        }
    }
}
