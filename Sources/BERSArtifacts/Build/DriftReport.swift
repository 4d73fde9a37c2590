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

        /// An artifact with these fields.
        public init(environment: String, format: ArtifactFormat, path: String, status: Status) {
            self.environment = environment
            self.format = format
            self.path = path
            self.status = status
        }
    }

    /// Every artifact, in manifest order.
    public var artifacts: [Artifact]
    /// Inputs added, removed or changed since the manifest (`staging: staging.json changed`).
    public var inputChanges: [String]
    /// The config directory the manifest records, when the check read another one.
    public var recordedConfigDirectory: String?
    /// The config directory the check read.
    public var checkedConfigDirectory: String

    /// A report of these artifacts and input changes.
    public init(
        artifacts: [Artifact],
        inputChanges: [String],
        recordedConfigDirectory: String? = nil,
        checkedConfigDirectory: String
    ) {
        self.artifacts = artifacts
        self.inputChanges = inputChanges
        self.recordedConfigDirectory = recordedConfigDirectory
        self.checkedConfigDirectory = checkedConfigDirectory
    }

    /// Whether every artifact is up to date.
    public var isUpToDate: Bool { artifacts.allSatisfy { $0.status == .upToDate } }

    /// The report for people: one line per artifact that drifted, then the changed inputs.
    public var text: String {
        var lines = artifacts.filter { $0.status != .upToDate }
            .map { "\($0.status.rawValue): \($0.path) (\($0.environment), \($0.format.rawValue))" }
        lines += inputChanges.map { "input: \($0)" }
        if let recorded = recordedConfigDirectory, !isUpToDate {
            lines.append(
                "note: the folder was built from \(recorded), not \(checkedConfigDirectory); pass --config-dir \(recorded)"
            )
        }
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
            "configDirectory": .string(checkedConfigDirectory),
            "recordedConfigDirectory": recordedConfigDirectory.map(JSONValue.string) ?? .null,
        ]
    }
}
