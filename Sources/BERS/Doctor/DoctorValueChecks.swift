import BERSJSON

/// The rules judging single values: credentials, plain-text secrets, URLs, CORS, and the
/// security and performance switches of the original's readiness score (section 9.4), recognised
/// by the words of their keys so that they apply to any project.
struct DoctorValueChecks: Sendable {
    private let detector = CredentialDetector()

    /// What the rules find in `value`, as (rule, message) pairs.
    func check(_ value: DoctorValue) -> [(DoctorRule, String)] {
        var found: [(DoctorRule, String)] = []
        if let secretFinding = secrecy(value) { found.append(secretFinding) }
        // Secret values are redacted everywhere; their URLs and switches are not judged here.
        guard !value.isSecret else { return found }
        found += urls(value)
        found += switches(value)
        return found
    }

    private func secrecy(_ value: DoctorValue) -> (DoctorRule, String)? {
        guard case .string(let text) = value.value, value.isInFile else { return nil }
        if value.isSecret {
            guard !value.isProtected, !CredentialDetector.isPlaceholder(text) else { return nil }
            return (.plaintextSecret, "\(value.pointer) is a secret place, but its value is written in plain text")
        }
        guard let kind = detector.kind(of: text, keyWords: value.key) else { return nil }
        return (.credentialInPlainText, "\(value.pointer) holds a credential in plain text (\(kind))")
    }

    private func urls(_ value: DoctorValue) -> [(DoctorRule, String)] {
        guard case .string(let text) = value.value, let url = URLText(text), !url.host.isEmpty else { return [] }
        var found: [(DoctorRule, String)] = []
        if url.scheme == "http" || url.scheme == "ws" {
            found.append((.insecureURL, "\(value.pointer) is an unencrypted \(url.scheme): URL\(shown(url))"))
        }
        if url.isPrivateHost {
            found.append(
                (
                    .privateAddress,
                    "\(value.pointer) names a host\(shown(url)) that is not reachable as a public address"
                )
            )
        }
        return found
    }

    /// ` (host)`, unless the URL carries a password (its parsing could then show part of it).
    private func shown(_ url: URLText) -> String { url.password == nil ? " (\(url.host))" : "" }

    /// Words that turn a switch around: `disableTracing: true` turns tracing off.
    private static let negations: Set<String> = ["disable", "disabled", "no", "skip", "suppress", "without"]

    private func switches(_ value: DoctorValue) -> [(DoctorRule, String)] {
        let key = value.key
        switch value.value {
        case .string(let text):
            if text == "*", key.contains(anyOf: ["cors", "origin", "origins"]) || value.isBelow(anyOf: ["cors"]) {
                return [(.corsWildcard, "\(value.pointer) allows every origin")]
            }
            if isDebugLevel(text), key.ends(withAnyOf: ["level"]),
                key.contains(anyOf: ["log", "logging", "logger"]) || value.isBelow(anyOf: ["log", "logging", "logger"])
            {
                return [(.debugLogging, "\(value.pointer) logs at \(text)")]
            }
            return []
        case .bool(let flag):
            let on = key.contains(anyOf: Self.negations) ? !flag : flag
            return on ? enabledSwitch(value) : disabledSwitch(value)
        case .integer, .double:
            guard let number = value.value.doubleValue, number >= 1,
                key.contains(anyOf: ["sample", "sampling"]), key.contains(anyOf: ["rate", "ratio"])
            else { return [] }
            return [(.fullSampling, "\(value.pointer) samples every event")]
        default:
            return []
        }
    }

    private func enabledSwitch(_ value: DoctorValue) -> [(DoctorRule, String)] {
        let key = value.key
        let pointer = value.pointer
        if key.contains(anyOf: ["insecure"]) { return [(.insecureAllowed, "\(pointer) is true")] }
        if key.contains(anyOf: ["debug", "verbose"]), !key.contains(anyOf: ["sanitize", "sanitise"]) {
            return [(.debugLogging, "\(pointer) turns debugging on")]
        }
        if key.contains(anyOf: ["console"]) { return [(.consoleLogging, "\(pointer) logs to the console")] }
        if key.contains(anyOf: ["tracing"])
            || (key.words == ["enabled"] && value.ancestors.last?.words.last == "tracing")
        {
            return [(.tracingEnabled, "\(pointer) turns tracing on")]
        }
        return []
    }

    private func disabledSwitch(_ value: DoctorValue) -> [(DoctorRule, String)] {
        let key = value.key
        let pointer = value.pointer
        if key.words == ["reject", "unauthorized"] {
            return [(.insecureAllowed, "\(pointer) is false: TLS certificates are not checked")]
        }
        if key.contains(anyOf: ["https", "ssl", "tls"]),
            key.contains(anyOf: ["enforce", "force", "require", "only", "redirect"])
        {
            return [(.httpsNotEnforced, "\(pointer) is false")]
        }
        if key.ends(withAnyOf: ["secure"]),
            key.contains(anyOf: ["cookie", "cookies"]) || value.isBelow(anyOf: ["cookie", "cookies", "session"])
        {
            return [(.insecureCookie, "\(pointer) is false: cookies may travel over plain HTTP")]
        }
        if key.words == ["http", "only"] {
            return [(.cookieNotHTTPOnly, "\(pointer) is false: scripts can read the cookie")]
        }
        if key.contains(anyOf: ["lazy"]) { return [(.lazyLoadingOff, "\(pointer) is false")] }
        return []
    }

    private func isDebugLevel(_ text: String) -> Bool {
        ["debug", "trace", "verbose", "all", "silly"].contains(text.lowercased())
    }
}
