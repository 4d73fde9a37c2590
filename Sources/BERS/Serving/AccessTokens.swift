import BERSJSON

/// The bearer tokens `bers serve` accepts, read from a tokens file that holds SHA-256 digests of
/// tokens, never tokens.
///
/// ```json
/// {"tokens": [{"name": "ci", "sha256": "<64 hex digits>", "scopes": ["config:read:staging"]}]}
/// ```
///
/// A presented token is hashed and compared with every entry in constant time, so neither the
/// comparison nor the position of the matching entry shows in the response time.
public struct AccessTokens: Sendable {
    /// One accepted token.
    public struct Entry: Sendable, Hashable {
        /// Who holds it (logged instead of the token).
        public let name: String
        /// SHA-256 of the token.
        public let digest: [UInt8]
        /// What it allows.
        public let scopes: [AccessScope]

        /// An entry accepting the token whose SHA-256 is `digest`.
        public init(name: String, digest: [UInt8], scopes: [AccessScope]) {
            self.name = name
            self.digest = digest
            self.scopes = scopes
        }

        /// Whether one of the scopes covers `needed`.
        public func allows(_ needed: AccessScope) -> Bool { scopes.contains { $0.covers(needed) } }
    }

    /// The accepted tokens.
    public let entries: [Entry]

    /// Tokens from parsed entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads a tokens file.
    ///
    /// - Throws: ``ConfigError`` `serve.invalid-tokens-file`, with the `file:line:col` of the
    ///   problem, for a file that cannot be read, is not JSON, or has a malformed entry
    ///   (missing name, a digest that is not 64 hex digits, an unknown scope, a duplicate).
    public init(file path: String, fileSystem: any FileSystem = LocalFileSystem()) throws(ConfigError) {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.contents(atPath: path, maxBytes: 1 << 20)
        } catch {
            throw ConfigError(.invalidTokensFile, "cannot read the tokens file: \(error.message)", underlying: error)
        }
        let document: JSONDocument
        do {
            document = try JSONParser().parse(bytes, file: path)
        } catch {
            throw ConfigError(
                .invalidTokensFile,
                "the tokens file is not JSON: \(error.message)",
                location: error.location,
                underlying: error
            )
        }
        try self.init(document: document)
    }

    /// Reads a parsed tokens file.
    ///
    /// - Throws: ``ConfigError`` `serve.invalid-tokens-file`, located.
    public init(document: JSONDocument) throws(ConfigError) {
        let reader = DocumentReader(document, code: .invalidTokensFile)
        try reader.rejectUnknownKeys(at: .root, allowed: ["tokens"])
        guard case .array(let items)? = reader.value(at: "/tokens") else {
            throw reader.fail(.root, "a tokens file is {\"tokens\": [{\"name\", \"sha256\", \"scopes\"}, …]}")
        }
        var entries: [Entry] = []
        for index in items.indices {
            let entry = try Self.entry(at: JSONPointer(tokens: ["tokens", String(index)]), reader: reader)
            if entries.contains(where: { $0.name == entry.name || $0.digest == entry.digest }) {
                throw reader.fail(
                    JSONPointer(tokens: ["tokens", String(index)]),
                    "token \"\(entry.name)\" repeats the name or digest of another entry"
                )
            }
            entries.append(entry)
        }
        self.init(entries: entries)
    }

    private static func entry(at pointer: JSONPointer, reader: DocumentReader) throws(ConfigError) -> Entry {
        try reader.rejectUnknownKeys(at: pointer, allowed: ["name", "sha256", "scopes"])
        guard let name = try reader.string(at: pointer.appending("name")), !name.isEmpty else {
            throw reader.fail(pointer, "a token entry needs a \"name\"")
        }
        guard let hex = try reader.string(at: pointer.appending("sha256")), let digest = Self.bytes(ofHex: hex) else {
            throw reader.fail(pointer.appending("sha256"), "\"sha256\" must be the 64 hex digits of SHA-256(token)")
        }
        var scopes: [AccessScope] = []
        for (index, text) in (try reader.strings(at: pointer.appending("scopes")) ?? []).enumerated() {
            guard let scope = AccessScope(text) else {
                throw reader.fail(
                    pointer.appending("scopes").appending(index: index),
                    "unknown scope \"\(text)\"; scopes are config:read:<env|*>, tenant:read:<hash|*>, secrets:read, metrics:read, admin"
                )
            }
            scopes.append(scope)
        }
        return Entry(name: name, digest: digest, scopes: scopes)
    }

    /// The entry of `token`, or `nil` when no entry has its digest; every entry is compared, in
    /// constant time.
    public func entry(for token: String) -> Entry? {
        let digest = BERSDigest.sha256(Array(token.utf8))
        var found: Entry?
        for entry in entries where Self.constantTimeEqual(entry.digest, digest) {
            found = entry
        }
        return found
    }

    /// A new random token (32 bytes from the system's generator, as 64 hex digits) and the
    /// entry to add to a tokens file for it.
    public static func newToken(name: String, scopes: [AccessScope]) -> (token: String, entry: JSONValue) {
        var generator = SystemRandomNumberGenerator()
        let token = BERSDigest.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let entry: JSONValue = [
            "name": .string(name),
            "sha256": .string(BERSDigest.sha256Hex(Array(token.utf8))),
            "scopes": .array(scopes.map { .string($0.description) }),
        ]
        return (token, entry)
    }

    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    private static func bytes(ofHex hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
