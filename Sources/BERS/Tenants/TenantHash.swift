/// A tenant's public identifier, checked before any I/O: the key under which its configuration is
/// found (`mappings/<hash>.json`).
///
/// Accepted shapes are set by a ``TenantHashPolicy`` (from `bers.json`); whatever the policy, a
/// hash is 1 to 64 characters of `a-z 0-9 _ -`, so it can never carry `/`, `..`, `%2e`,
/// white space or upper case into a key or URL.
///
/// ```swift
/// let hash = try TenantHash("my87674d777bf9")
/// try TenantHash("../etc/passwd")   // throws tenant.invalid-hash
/// try TenantHash.derive(tenantID: "MYR384719").value  // "my87674d777bf9"
/// ```
public struct TenantHash: Sendable, Hashable {
    /// The hash text.
    public let value: String

    init(unchecked value: String) { self.value = value }

    /// Checks `text` against `policy`.
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-hash` saying what is wrong and which shapes are accepted.
    public init(_ text: String, policy: TenantHashPolicy = .default) throws(TenantError) {
        let shown = text.count > 40 ? "\"\(text.prefix(40))…\" (\(text.count) characters)" : "\"\(text)\""
        func invalid(_ why: String) -> TenantError {
            TenantError(
                .invalidHash,
                "\(shown) is not a tenant hash: \(why) (accepted: \(policy.shapes.map(\.summary).joined(separator: "; ")))"
            )
        }
        guard !text.isEmpty else { throw invalid("it is empty") }
        guard text.utf8.count <= 64 else { throw invalid("it is longer than 64 characters") }
        if let bad = text.unicodeScalars.first(where: { !TenantHash.isSafe($0) }) {
            let name =
                switch bad {
                case "/", "\\": "a path separator"
                case ".": "a dot"
                case "%": "a percent escape"
                case _ where bad.properties.isWhitespace: "white space"
                case _ where bad.properties.isUppercase: "upper case"
                default: "the character U+\(String(bad.value, radix: 16, uppercase: true))"
                }
            throw invalid("it contains \(name)")
        }
        guard policy.shapes.contains(where: { $0.matches(text) }) else {
            throw invalid("it has none of the accepted shapes")
        }
        value = text
    }

    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    /// The Picasso salt.
    public static let picassoSalt = "picasso-2024-universal-widget"

    /// The hash of `tenantID` by the real recipe: for the legacy shape, the first two letters of the
    /// id in lower case and the first 12 hex digits of SHA-256(id + salt); for the 14-hex shape, the
    /// first 14 hex digits.
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-hash` for the legacy shape when the id has fewer
    ///   than two ASCII letters (`"123"`), whose hash would not have the shape's 14 characters.
    public static func derive(tenantID: String, salt: String = picassoSalt, shape: TenantHashShape = .legacy)
        throws(TenantError) -> TenantHash
    {
        let digest = BERSDigest.sha256Hex(Array((tenantID + salt).utf8))
        switch shape {
        case .hex14, .pattern:
            return TenantHash(unchecked: String(digest.prefix(14)))
        case .legacy:
            let letters = tenantID.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.prefix(2)
            guard letters.count == 2 else {
                throw TenantError(
                    .invalidHash,
                    "tenant id \"\(tenantID.prefix(40))\" has fewer than two letters (a-z), which the legacy hash shape needs; derive the hex14 shape instead"
                )
            }
            return TenantHash(unchecked: String(String.UnicodeScalarView(letters)) + String(digest.prefix(12)))
        }
    }
}

extension TenantHash: CustomStringConvertible {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var description: String { value }
}
