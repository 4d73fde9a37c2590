#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises values that look like credentials, by shape (an AWS access key id, a private key,
/// a bearer token, a JWT, a URL with a password, well-known token prefixes) or by a
/// high-entropy value under a key named `…password`, `…secret`, `…token` or `…key`.
///
/// It answers the kind of credential, never the value, so findings can name it safely.
struct CredentialDetector: Sendable {
    /// Last words of keys that name a credential (`dbPassword`, `client_secret`, `apiKey`).
    static let credentialWords: Set<String> = [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "key", "apikey", "credential",
        "credentials",
    ]
    /// Last words of keys named like a password: any written value is one, whatever its entropy.
    private static let passwordWords: Set<String> = ["password", "passwd", "pwd", "passphrase"]

    /// Words of keys whose values are meant to be public (`publishableKey`, `siteKey`).
    private static let publicWords: Set<String> = ["public", "publishable", "site", "anon", "anonymous"]

    /// Whether `value` is a string that looks like a credential.
    func isCredential(_ value: DoctorValue) -> Bool {
        guard case .string(let text) = value.value else { return false }
        return kind(of: text, keyWords: value.key) != nil
    }

    /// The kind of credential `value` looks like, under a key with `words`, or `nil`.
    func kind(of value: String, keyWords words: KeyWords) -> String? {
        if let shape = Self.shape(of: value) { return shape }
        guard words.ends(withAnyOf: Self.credentialWords), !words.contains(anyOf: Self.publicWords),
            !Self.isPlaceholder(value)
        else { return nil }
        if words.ends(withAnyOf: Self.passwordWords) { return value.count >= 6 ? "password" : nil }
        guard !value.contains("://"), value.count >= 16, Self.entropy(of: value) >= 3.5 else { return nil }
        return "a high-entropy value under a key ending in \"\(words.words.last ?? "key")\""
    }

    /// A credential recognised by its shape anywhere in `value`.
    static func shape(of value: String) -> String? {
        if value.contains("-----BEGIN"), value.contains("PRIVATE KEY") { return "private key" }
        if containsAWSAccessKeyID(value) { return "AWS access key id" }
        for (prefix, kind) in tokenPrefixes {
            if let range = value.firstRange(of: prefix),
                value[range.upperBound...].prefix(while: isTokenCharacter).count >= 20
            {
                return kind
            }
        }
        let lowercased = value.lowercased()
        if let range = lowercased.firstRange(of: "bearer "),
            lowercased[range.upperBound...].prefix(while: isTokenCharacter).count >= 16
        {
            return "bearer token"
        }
        if isJWT(value) { return "JSON web token" }
        if let url = URLText(value), let password = url.password, !password.isEmpty, !isPlaceholder(String(password)) {
            return "password in a URL"
        }
        return nil
    }

    private static let tokenPrefixes: [(String, String)] = [
        ("ghp_", "GitHub token"), ("gho_", "GitHub token"), ("ghs_", "GitHub token"), ("github_pat_", "GitHub token"),
        ("xoxb-", "Slack token"), ("xoxp-", "Slack token"), ("sk_live_", "Stripe secret key"),
        ("AIza", "Google API key"), ("glpat-", "GitLab token"),
    ]

    private static func isTokenCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-_.~+/=".contains(character))
    }

    /// `AKIA`, `ASIA` and their siblings followed by 16 base-32 capitals, as a whole word.
    private static func containsAWSAccessKeyID(_ value: String) -> Bool {
        let characters = Array(value.utf8)
        guard characters.count >= 20 else { return false }
        let prefixes: [[UInt8]] = ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"]
            .map { Array($0.utf8) }
        for start in 0...(characters.count - 20) where prefixes.contains(Array(characters[start..<(start + 4)])) {
            let body = characters[(start + 4)..<(start + 20)]
            let boundaryBefore = start == 0 || !isAlphanumeric(characters[start - 1])
            let boundaryAfter = start + 20 == characters.count || !isAlphanumeric(characters[start + 20])
            if boundaryBefore && boundaryAfter && body.allSatisfy(isBase32Capital) { return true }
        }
        return false
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isBase32Capital(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x32 && byte <= 0x37)
    }

    /// Three base64url segments, the first two JSON objects (`eyJ`).
    private static func isJWT(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].hasPrefix("eyJ"), parts[1].hasPrefix("eyJ") else { return false }
        return parts.allSatisfy { part in
            part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
    }

    /// Values that stand for a credential rather than being one: `${DB_PASSWORD}`, `<token>`,
    /// `{vault.token}`, an empty string.
    static func isPlaceholder(_ value: String) -> Bool {
        guard let first = value.first else { return true }
        return first == "$" || first == "{" || first == "<" || value.hasPrefix("%(") || value.hasPrefix("enc:")
    }

    /// Shannon entropy in bits per character.
    static func entropy(of value: String) -> Double {
        var counts: [Character: Int] = [:]
        for character in value { counts[character, default: 0] += 1 }
        let total = Double(value.count)
        return counts.values.reduce(0) { sum, count in
            let probability = Double(count) / total
            return sum - probability * log2(probability)
        }
    }
}
