import BERS
import BERSJSON

/// Writes the `json` artifact: the resolved configuration, pretty-printed, with a `bers` member
/// appended.
///
///
/// ```json
/// "bers": {
///   "environment": "staging", "detection": "explicit", "inputsHash": "sha256:…", "version": "0.1.0",
///   "inputs": [{"role": "layer", "file": "default.json", "sha256": "…"}, …],
///   "provenance": {"/api/timeout": {"layer": "staging", "file": "staging.json", "line": 6, …}, …}
/// }
/// ```
///
/// `tenant` and `buildTime` are added for tenant builds and `--build-time`; `provenance` with
/// `--provenance`. File names are relative to the config directory, so the bytes do not depend
/// on where the build ran.
struct JSONArtifactEmitter {
    let provenance: Bool

    func emit(_ input: BuildInput) throws(BuildError) -> String {
        guard case .object(var root) = input.configuration.value else {
            throw BuildError(.unrepresentableValue, "the configuration is not an object")
        }
        if root["bers"] != nil {
            throw BuildError(
                .unrepresentableValue,
                "the configuration has a top-level \"bers\" key, which the json artifact reserves for its metadata",
                location: input.configuration.location(of: "/bers")
            )
        }
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
        root["bers"] = .object(metadata)
        return JSONSerializer(style: .pretty).string(.object(root))
    }

    /// The provenance document with every `file` made relative to the config directory.
    private func relativizingFiles(_ value: JSONValue, directory: String) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(
                    uniqueMembers: object.map { key, member in
                        if key == "file", case .string(let path) = member {
                            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
                            return (
                                key,
                                .string(
                                    path.hasPrefix(prefix) && directory != "."
                                        ? String(path.dropFirst(prefix.count)) : path
                                )
                            )
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
