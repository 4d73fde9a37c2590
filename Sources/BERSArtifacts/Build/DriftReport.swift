import BERSJSON

/// The result of `bers build --check DIR`: for each artifact of the manifest, whether the file
/// on disk is what the current inputs build; and which inputs changed since the manifest.
public struct DriftReport: Sendable {
    /// The state of one artifact.
    public enum Status: String, Sendable, Hashable {
        /// The file is byte for byte what the current inputs build.
        case upToDate = "up-to-date"
        /// The file differs (inputs changed, BERS changed, or it was edited).
        case changed
        /// The file is missing.
        case missing
    }

    /// One artifact.
    public struct Artifact: Sendable, Hashable {
        /// The environment.
        public var environment: String
        /// The format.
        public var format: ArtifactFormat
        /// The file, as the manifest names it under the checked folder.
        public var path: String
        /// Its state.
        public var status: Status
    }

    /// Every artifact, in manifest order.
    public var artifacts: [Artifact]
    /// Inputs added, removed or changed since the manifest (`staging: staging.json changed`).
    public var inputChanges: [String]

    /// Whether every artifact is up to date.
    public var isUpToDate: Bool { artifacts.allSatisfy { $0.status == .upToDate } }

    /// The report for people: one line per artifact that drifted, then the changed inputs.
    public var text: String {
        var lines = artifacts.filter { $0.status != .upToDate }
            .map { "\($0.status.rawValue): \($0.path) (\($0.environment), \($0.format.rawValue))" }
        lines += inputChanges.map { "input: \($0)" }
        let fresh = artifacts.filter { $0.status == .upToDate }.count
        lines.append(
            isUpToDate
                ? "up to date: \(fresh) artifacts match their inputs"
                : "drift: \(artifacts.count - fresh) of \(artifacts.count) artifacts do not match their inputs; run bers build --all"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON.
    public var jsonValue: JSONValue {
        [
            "upToDate": .bool(isUpToDate),
            "artifacts": .array(
                artifacts.map {
                    [
                        "environment": .string($0.environment), "format": .string($0.format.rawValue),
                        "path": .string($0.path), "status": .string($0.status.rawValue),
                    ]
                }
            ),
            "inputChanges": .array(inputChanges.map(JSONValue.string)),
        ]
    }
}
