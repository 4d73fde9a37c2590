import BERS

/// Why an environment is built: the first line of a build report, and the `detection` field of
/// the JSON artifact's metadata.
public enum EnvironmentReason: Sendable, Hashable {
    /// Named with `--env`.
    case explicit
    /// Detected (no `--env`): the detector's answer with its trace.
    case detected(DetectionResult)
    /// Built by `--all`: listed in `build.environments` (or every environment of the project).
    case listed
    /// Rebuilt by `--check`, with the detection source the manifest recorded.
    case recorded(String)

    /// The detection source written into artifacts: `explicit` for `--env` and `--all`, else the
    /// detector's source (`env-variable`, `hostname-pattern`, …).
    public var source: String {
        switch self {
        case .explicit, .listed: "explicit"
        case .detected(let result): result.source.rawValue
        case .recorded(let source): source
        }
    }

    /// One line for people: `--env`, `detected by env-variable (BERS_ENV=staging, high confidence)`.
    public var explanation: String {
        switch self {
        case .explicit: return "--env"
        case .listed: return "--all"
        case .recorded(let source): return "recorded in the manifest (\(source))"
        case .detected(let result):
            let accepted = result.trace.first { $0.accepted }
            let value = accepted?.value.map { "\($0), " } ?? ""
            return "detected by \(result.source.rawValue) (\(value)\(result.confidence.rawValue) confidence)"
        }
    }
}
