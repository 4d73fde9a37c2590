/// A place the environment can be read from, in precedence order (highest first).
public enum DetectionSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// `--env` on the command line, or the argument of an API call.
    case explicit
    /// The `environment` key of `bers.json`, or the one-line `.bers-env` file in the config directory.
    case configFile = "config-file"
    /// Environment variables, in a configured order (default `BERS_ENV`, then `APP_ENV`).
    case environmentVariable = "env-variable"
    /// A query parameter of the page URL (default `bers-env`).
    case urlParameter = "url-parameter"
    /// Hostname rules per environment: exact names, `*.suffix` domains, `192.168.*` prefixes.
    case hostnamePattern = "hostname-pattern"
    /// The environment a binary or artifact was built for.
    case buildContext = "build-context"
    /// The configured fallback (default `production`).
    case defaultFallback = "default-fallback"
}

/// How much a detected environment can be trusted.
public enum DetectionConfidence: String, Sendable, Hashable, Codable, Comparable {
    /// A guess (a build default, the fallback).
    case low
    /// Inferred from where the program runs (a URL parameter, a hostname suffix).
    case medium
    /// Stated by the operator (an argument, a file, a variable, an exact hostname).
    case high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static func < (lhs: DetectionConfidence, rhs: DetectionConfidence) -> Bool { lhs.rank < rhs.rank }
}
