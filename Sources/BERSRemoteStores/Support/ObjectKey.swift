import BERS

/// Checks of the keys and prefixes a store is asked for, before any I/O.
///
/// Keys are relative (`mappings/my87674d777bf9.json`): no leading `/`, no empty, `.` or `..`
/// segment, no backslash or control character, at most 1024 bytes. An HTTP server or CDN would
/// resolve `..` and leave the store's prefix; S3 would not, but the same rule keeps both stores
/// alike.
enum ObjectKey {
    /// The largest key S3 accepts, in UTF-8 bytes.
    static let maxLength = 1024

    /// Throws `tenant.invalid-mapping` unless `key` is a valid relative object key.
    static func validate(_ key: String, store: String) throws(TenantError) {
        guard !key.isEmpty else {
            throw TenantError(.invalidMapping, "An empty object key was asked of \(store).")
        }
        try validatePath(key, allowTrailingSlash: false, what: "object key", store: store, code: .invalidMapping)
    }

    /// Throws unless `prefix` is empty or a valid relative key prefix (a trailing `/` is allowed):
    /// `tenant.invalid-mapping` for a prefix asked of a store, `tenant.invalid-store` (pass it as
    /// `code`) for the prefix of a store URL or configuration.
    static func validatePrefix(
        _ prefix: String,
        store: String,
        code: TenantError.Code = .invalidMapping
    ) throws(TenantError) {
        guard !prefix.isEmpty else { return }
        try validatePath(prefix, allowTrailingSlash: true, what: "key prefix", store: store, code: code)
    }

    private static func validatePath(
        _ path: String,
        allowTrailingSlash: Bool,
        what: String,
        store: String,
        code: TenantError.Code
    ) throws(TenantError) {
        let quoted = quote(path)
        guard path.utf8.count <= maxLength else {
            throw TenantError(code, "The \(what) \(quoted) is longer than \(maxLength) bytes (store \(store)).")
        }
        guard !path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else {
            throw TenantError(
                code,
                "The \(what) \(quoted) contains a control character or a backslash (store \(store))."
            )
        }
        var segments = PathText.segments(of: path)
        if allowTrailingSlash, segments.count > 1, segments.last == "" { segments.removeLast() }
        for segment in segments where segment.isEmpty || segment == "." || segment == ".." {
            throw TenantError(
                code,
                "The \(what) \(quoted) has an empty, '.' or '..' segment or a leading '/' (store \(store))."
            )
        }
    }

    /// The text in single quotes, with control characters escaped, for messages.
    static func quote(_ text: String) -> String {
        var output = "'"
        for scalar in text.unicodeScalars.prefix(200) {
            output += scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return output + (text.unicodeScalars.count > 200 ? "…'" : "'")
    }
}
