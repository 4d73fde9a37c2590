import BERSJSON

/// The `doctor` section of `bers.json`: findings the project accepts, each with its reason.
///
/// ```json
/// "doctor": {
///   "ignore": [
///     {"code": "doctor.plaintext-salt", "reason": "tenant hashes are public identifiers"},
///     {"code": "doctor.private-address", "pointer": "/metrics/url", "environments": ["staging"],
///      "reason": "the staging collector runs beside the service"}
///   ]
/// }
/// ```
/// An accepted finding is still reported (as suppressed, with its reason) but neither fails the
/// run nor lowers a score.
public struct DoctorSettings: Sendable {
    /// One accepted kind of finding.
    public struct Ignore: Sendable, Hashable {
        /// The rule's code.
        public var code: String
        /// The value (and everything below it) the entry covers; every value when `nil`.
        public var pointer: JSONPointer?
        /// The environments it covers; every environment when `nil`.
        public var environments: [String]?
        /// Why the finding is acceptable; reports show it.
        public var reason: String
        /// Where the entry is written.
        public var location: SourceLocation?

        /// Whether the entry covers `finding` in `environment`.
        public func covers(_ finding: DoctorFinding, in environment: Environment) -> Bool {
            guard finding.code == code else { return false }
            if let environments, !environments.contains(environment.name) { return false }
            guard let pointer else { return true }
            guard let found = finding.pointer else { return false }
            return found.tokens.starts(with: pointer.tokens)
        }
    }

    /// The accepted findings.
    public var ignore: [Ignore] = []

    /// No accepted findings.
    public init() {}

    /// Reads the `doctor` section.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-project-file`, located, for unknown keys, an
    ///   unknown rule code, a malformed pointer or an entry without a reason.
    init(reader: DocumentReader) throws(ConfigError) {
        try reader.rejectUnknownKeys(at: "/doctor", allowed: ["ignore"])
        guard let entries = reader.value(at: "/doctor/ignore") else { return }
        guard case .array(let list) = entries else {
            throw reader.fail("/doctor/ignore", "expected an array of {\"code\", \"reason\"} objects")
        }
        for index in list.indices {
            ignore.append(try Self.readIgnore(reader, at: JSONPointer(tokens: ["doctor", "ignore", String(index)])))
        }
    }

    private static func readIgnore(_ reader: DocumentReader, at base: JSONPointer) throws(ConfigError) -> Ignore {
        guard try reader.object(at: base) != nil else { throw reader.fail(base, "expected an object") }
        try reader.rejectUnknownKeys(at: base, allowed: ["code", "pointer", "environments", "reason"])
        guard let code = try reader.string(at: base.appending("code")) else {
            throw reader.fail(base, "an ignore entry needs \"code\"")
        }
        guard DoctorRule.named(code) != nil else {
            var message = "\"\(code)\" is not a doctor rule"
            if let suggestion = Suggestions.closest(to: code, in: DoctorRule.all.map(\.code)) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            throw reader.fail(base.appending("code"), message)
        }
        guard let reason = try reader.string(at: base.appending("reason")), !reason.isEmpty else {
            throw reader.fail(base, "an ignore entry needs a \"reason\": reports show why the finding is accepted")
        }
        var pointer: JSONPointer?
        if let text = try reader.string(at: base.appending("pointer")) {
            do {
                pointer = try JSONPointer(path: text)
            } catch {
                throw reader.fail(base.appending("pointer"), error.message)
            }
        }
        return Ignore(
            code: code,
            pointer: pointer,
            environments: try reader.strings(at: base.appending("environments")),
            reason: reason,
            location: reader.document.location(of: base)
        )
    }
}
