extension TenantValidator {
    /// A ``TenantCache/DocumentCheck`` refusing the documents this validator finds errors in,
    /// so that a server never serves a tenant document that `bers tenant validate` rejects.
    public var documentCheck: TenantCache.DocumentCheck {
        { document in
            let report = validate(document.document)
            guard !report.isValid else { return nil }
            let count = report.errors.count
            return TenantError(
                .invalidDocument,
                "\(document.key) has \(count) problem\(count == 1 ? "" : "s") and is not served: "
                    + report.errors.prefix(3).map(\.description).joined(separator: "; ")
            )
        }
    }
}
