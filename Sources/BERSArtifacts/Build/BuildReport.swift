import BERS
import BERSJSON

/// What a build did: for each environment, why it was built, the inputs with their hashes, the
/// validation result and the outputs with their sizes and hashes; and the time it took.
public struct BuildReport: Sendable {
    /// A written artifact.
    public struct Output: Sendable, Hashable {
        /// Its format.
        public var format: ArtifactFormat
        /// Where it was written.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int
        /// The lowercase hex SHA-256 of its bytes.
        public var sha256: String
        /// The debug environment of a two-environment Swift artifact.
        public var debugEnvironment: String?
        /// Whether the file already held these bytes and was left alone.
        public var unchanged: Bool = false
        /// The secrets it carries (JSON pointers), when `build.allow-secrets` lets its format.
        public var secrets: [String] = []
    }

    /// One environment built.
    public struct Entry: Sendable {
        /// The environment.
        public var environment: String
        /// Why it was built.
        public var reason: EnvironmentReason
        /// Its inputs.
        public var inputs: [InputFile]
        /// Their combined hash.
        public var inputsHash: String
        /// The validation result.
        public var validation: ValidationOutcome
        /// Warnings from resolution.
        public var diagnostics: [String]
        /// The artifacts written.
        public var outputs: [Output]
    }

    /// The environments built, in order.
    public var entries: [Entry]
    /// The manifest written (`--all`), if any.
    public var manifestPath: String?
    /// How long the build took, in nanoseconds.
    public var nanoseconds: UInt64

    /// The report as JSON (`bers build --json`).
    public var jsonValue: JSONValue {
        let entries: [JSONValue] = entries.map { entry in
            var validation: JSONObject = [
                "valid": .bool(entry.validation.isValid), "summary": .string(entry.validation.summary),
            ]
            if case .invalid(_, let messages) = entry.validation {
                validation["messages"] = .array(messages.map(JSONValue.string))
            }
            return [
                "environment": .string(entry.environment),
                "reason": ["source": .string(entry.reason.source), "explanation": .string(entry.reason.explanation)],
                "inputsHash": .string(entry.inputsHash),
                "inputs": .array(
                    entry.inputs.map {
                        ["role": .string($0.role.rawValue), "name": .string($0.name), "sha256": .string($0.sha256)]
                    }
                ),
                "validation": .object(validation),
                "diagnostics": .array(entry.diagnostics.map(JSONValue.string)),
                "outputs": .array(
                    entry.outputs.map { output in
                        var object: JSONObject = [
                            "format": .string(output.format.rawValue), "path": .string(output.path),
                            "bytes": .integer(Int64(output.bytes)), "sha256": .string(output.sha256),
                        ]
                        if let debug = output.debugEnvironment { object["debugEnvironment"] = .string(debug) }
                        if !output.secrets.isEmpty { object["secrets"] = .array(output.secrets.map(JSONValue.string)) }
                        object["unchanged"] = .bool(output.unchanged)
                        return .object(object)
                    }
                ),
            ]
        }
        return [
            "environments": .array(entries),
            "manifest": manifestPath.map(JSONValue.string) ?? .null,
            "milliseconds": .double(Double(nanoseconds / 1000) / 1000),
        ]
    }

    /// The report for people.
    ///
    /// ```
    /// environment: staging (--env)
    ///   inputs:     sha256:3f1c…
    ///     project   bers.json                          1a2b3c4d5e6f
    ///     layer     default.json                       …
    ///   validation: valid against schemas/environment.schema.json
    ///   outputs:
    ///     js        dist/staging/environment.js        5321 bytes  sha256:9e8d7c6b5a4f
    /// time: 14.2 ms
    /// ```
    public var text: String {
        var lines: [String] = []
        for entry in entries {
            lines.append("environment: \(entry.environment) (\(entry.reason.explanation))")
            lines.append("  inputs:     \(entry.inputsHash)")
            let width = max(24, entry.inputs.map(\.name.count).max() ?? 0)
            for input in entry.inputs {
                lines.append("    \(pad(input.role.rawValue, 9)) \(pad(input.name, width))  \(input.sha256.prefix(12))")
            }
            lines.append("  validation: \(entry.validation.summary)")
            for diagnostic in entry.diagnostics { lines.append("  warning:    \(diagnostic)") }
            lines.append("  outputs:")
            let pathWidth = max(24, entry.outputs.map(\.path.count).max() ?? 0)
            for output in entry.outputs {
                let debug = output.debugEnvironment.map { " (#if DEBUG: \($0))" } ?? ""
                let unchanged = output.unchanged ? " (unchanged)" : ""
                let secrets =
                    output.secrets.isEmpty
                    ? "" : " (carries \(output.secrets.count) secret\(output.secrets.count == 1 ? "" : "s"))"
                lines.append(
                    "    \(pad(output.format.rawValue, 14)) \(pad(output.path, pathWidth))  \(pad("\(output.bytes) bytes", 12))  sha256:\(output.sha256.prefix(12))\(debug)\(secrets)\(unchanged)"
                )
            }
        }
        if let manifestPath { lines.append("manifest: \(manifestPath)") }
        lines.append("time: \(BuildReport.milliseconds(nanoseconds)) ms")
        return lines.joined(separator: "\n") + "\n"
    }

    static func milliseconds(_ nanoseconds: UInt64) -> String {
        let tenths = (nanoseconds + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
