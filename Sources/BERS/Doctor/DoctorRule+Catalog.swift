extension DoctorRule {
    /// Every rule, in the order reports list them.
    public static let all: [DoctorRule] = [
        .invalidConfiguration, .credentialInPlainText, .plaintextSecret, .unresolvedSecret, .looseSecretFile,
        .insecureURL, .privateAddress, .corsWildcard, .insecureAllowed, .httpsNotEnforced, .insecureCookie,
        .cookieNotHTTPOnly, .debugLogging, .consoleLogging, .tracingEnabled, .fullSampling, .lazyLoadingOff,
        .urlParameterUnrestricted, .overlappingHostnames, .missingSchema, .openSchema, .plaintextSalt,
        .detectionNotStrict, .unusedIgnore,
    ]

    /// The configuration does not satisfy its schema.
    public static let invalidConfiguration = DoctorRule(
        "doctor.invalid-configuration",
        "The configuration does not satisfy its schema",
        development: .error,
        staging: .error,
        production: .error,
        hint: "fix the value, or the schema if the value is right (bers validate shows the same failures)"
    )
    /// A value that looks like a credential sits in plain text at a place that is not secret.
    public static let credentialInPlainText = DoctorRule(
        "doctor.credential-in-plain-text",
        "A credential-like value is stored in plain text",
        score: .security,
        penalty: 30,
        development: .warning,
        staging: .error,
        production: .error,
        hint:
            "encrypt it (bers secret encrypt) or reference it ({\"$secret\": \"env:NAME\"}), and mark its place writeOnly in the schema; rotate the credential, it has been in a file"
    )
    /// A place the schema marks secret holds a plain-text value from a file.
    public static let plaintextSecret = DoctorRule(
        "doctor.plaintext-secret",
        "A secret place holds a plain-text value in a file",
        score: .security,
        penalty: 20,
        development: .note,
        staging: .warning,
        production: .error,
        hint: "replace the value with an encrypted one (bers secret encrypt) or a {\"$secret\": \"env:NAME\"} reference"
    )
    /// A `$secret` reference names a variable or file that does not exist here.
    public static let unresolvedSecret = DoctorRule(
        "doctor.unresolved-secret",
        "A secret reference has no value here",
        development: .warning,
        staging: .warning,
        production: .warning,
        hint: "set the variable or create the file where the program runs; until then the value is sealed"
    )
    /// A secret file is readable by other users.
    public static let looseSecretFile = DoctorRule(
        "doctor.loose-secret-file",
        "A secret file is readable by other users",
        score: .security,
        penalty: 15,
        development: .warning,
        staging: .warning,
        production: .error,
        hint: "chmod 600 the file"
    )
    /// An `http:` URL outside development.
    public static let insecureURL = DoctorRule(
        "doctor.insecure-url",
        "An http: URL outside development",
        score: .security,
        penalty: 20,
        staging: .warning,
        production: .error,
        hint: "use https:"
    )
    /// A URL naming localhost, a loopback or a private address outside development.
    public static let privateAddress = DoctorRule(
        "doctor.private-address",
        "A URL names localhost or a private address outside development",
        score: .security,
        penalty: 10,
        staging: .warning,
        production: .error,
        hint: "use the service's public or internal DNS name for this environment"
    )
    /// A CORS origin of `*`.
    public static let corsWildcard = DoctorRule(
        "doctor.cors-wildcard",
        "CORS allows every origin (*)",
        score: .security,
        penalty: 20,
        development: .note,
        staging: .warning,
        production: .error,
        hint: "list the origins that may call, such as https://app.example.com"
    )
    /// A switch that allows insecure connections is on.
    public static let insecureAllowed = DoctorRule(
        "doctor.insecure-allowed",
        "Insecure connections are allowed",
        score: .security,
        penalty: 30,
        staging: .warning,
        production: .error,
        hint: "set it to false outside development"
    )
    /// A switch that enforces HTTPS is off.
    public static let httpsNotEnforced = DoctorRule(
        "doctor.https-not-enforced",
        "HTTPS is not enforced",
        score: .security,
        penalty: 20,
        staging: .warning,
        production: .error,
        hint: "set it to true outside development"
    )
    /// Cookies are not marked secure.
    public static let insecureCookie = DoctorRule(
        "doctor.insecure-cookie",
        "Cookies are not marked Secure",
        score: .security,
        penalty: 15,
        staging: .warning,
        production: .error,
        hint: "set secure to true so cookies travel over HTTPS only"
    )
    /// Cookies are readable by scripts.
    public static let cookieNotHTTPOnly = DoctorRule(
        "doctor.cookie-not-http-only",
        "Cookies are not marked HttpOnly",
        score: .security,
        penalty: 10,
        staging: .note,
        production: .warning,
        hint: "set httpOnly to true unless scripts must read the cookie"
    )
    /// Debug or verbose logging in production.
    public static let debugLogging = DoctorRule(
        "doctor.debug-logging",
        "Debug or verbose logging outside development",
        score: .performance,
        penalty: 15,
        staging: .note,
        production: .warning,
        hint: "log at info, warn or error outside development; turn debug switches off"
    )
    /// Console logging in production.
    public static let consoleLogging = DoctorRule(
        "doctor.console-logging",
        "Console logging is on in production",
        score: .performance,
        penalty: 10,
        production: .warning,
        hint: "turn console logging off in production and rely on the remote or structured log"
    )
    /// Tracing in production.
    public static let tracingEnabled = DoctorRule(
        "doctor.tracing-enabled",
        "Tracing is on in production",
        score: .performance,
        penalty: 15,
        production: .warning,
        hint: "turn tracing off in production, or sample it"
    )
    /// Every request sampled in production.
    public static let fullSampling = DoctorRule(
        "doctor.full-sampling",
        "Every event is sampled in production",
        score: .performance,
        penalty: 20,
        production: .warning,
        hint: "sample a fraction (0.1 is common) in production"
    )
    /// Lazy loading off in production.
    public static let lazyLoadingOff = DoctorRule(
        "doctor.lazy-loading-off",
        "Lazy loading is off in production",
        score: .performance,
        penalty: 10,
        production: .note,
        hint: "turn lazy loading on in production"
    )
    /// The `url-parameter` detection source may select any environment.
    public static let urlParameterUnrestricted = DoctorRule(
        "doctor.url-parameter-unrestricted",
        "A URL parameter may select any environment",
        score: .security,
        penalty: 15,
        development: .note,
        staging: .warning,
        production: .warning,
        hint:
            "restrict it in bers.json: \"detection\": {\"url-parameter\": {\"allow\": [\"development\", \"staging\"]}}, or turn it off with {\"enabled\": false}"
    )
    /// Hostname rules of two environments can match the same host.
    public static let overlappingHostnames = DoctorRule(
        "doctor.overlapping-hostnames",
        "Hostname rules of two environments overlap",
        score: .security,
        penalty: 10,
        development: .warning,
        staging: .warning,
        production: .warning,
        hint: "make the rules disjoint, so that a host can only mean one environment"
    )
    /// No schema validates the configuration.
    public static let missingSchema = DoctorRule(
        "doctor.missing-schema",
        "No schema validates the configuration",
        development: .note,
        staging: .warning,
        production: .warning,
        hint: "write a JSON Schema and name it in bers.json: \"schema\": \"schemas/app.schema.json\""
    )
    /// The schema accepts unknown keys.
    public static let openSchema = DoctorRule(
        "doctor.open-schema",
        "The schema accepts unknown keys, so a misspelt key goes unnoticed",
        staging: .note,
        production: .warning,
        hint: "add \"additionalProperties\": false (or a schema for the extra keys)"
    )
    /// The tenant hash salt is written in `bers.json`.
    public static let plaintextSalt = DoctorRule(
        "doctor.plaintext-salt",
        "The tenant hash salt is stored in plain text",
        score: .security,
        penalty: 10,
        staging: .note,
        production: .warning,
        hint:
            "anyone who reads bers.json can compute every tenant's hash from its id; if hashes must not be guessable, keep the project private, or accept the finding in doctor.ignore with the reason"
    )
    /// Detection falls back silently on an unusable value.
    public static let detectionNotStrict = DoctorRule(
        "doctor.detection-not-strict",
        "A misspelt environment name only warns",
        production: .note,
        hint: "set \"detection\": {\"strict\": true} in bers.json so that BERS_ENV=prodution stops the program"
    )
    /// A `doctor.ignore` entry of `bers.json` matched no finding.
    public static let unusedIgnore = DoctorRule(
        "doctor.unused-ignore",
        "An ignore entry matched no finding",
        development: .note,
        staging: .note,
        production: .note,
        hint: "remove the entry from bers.json, or correct its code or pointer"
    )
}
