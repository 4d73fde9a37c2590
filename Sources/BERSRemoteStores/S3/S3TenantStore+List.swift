import BERS

extension S3TenantStore {
    /// The most pages one `list` reads (ten million keys at the default page size).
    static let maxListPages = 10_000

    /// The largest ListObjectsV2 page accepted, in bytes.
    static let maxListPageSize = 8 << 20

    /// Reads every ListObjectsV2 page under `prefix` and returns the keys relative to the store's
    /// prefix, sorted.
    func listAll(prefix: String) async throws(TenantError) -> [String] {
        let context = "LIST \(ObjectKey.quote(prefix)) in \(description)"
        let fullPrefix = configuration.keyPrefix + prefix
        var keys: [String] = []
        var token: String?
        var seenTokens: Set<String> = []
        for _ in 0..<Self.maxListPages {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("encoding-type", "url")]
            if !fullPrefix.isEmpty { query.append(("prefix", fullPrefix)) }
            if let size = configuration.listPageSize { query.append(("max-keys", String(size))) }
            if let token { query.append(("continuation-token", token)) }
            let response = try await send(
                method: .GET,
                fullKey: nil,
                query: query,
                headers: [],
                maxBodySize: Self.maxListPageSize,
                context: context
            )
            guard response.status == 200 else {
                if response.status == 404, S3ErrorResponse(body: response.body)?.code == "NoSuchBucket" {
                    throw TenantError(.invalidStore, "\(context): the bucket '\(configuration.bucket)' does not exist.")
                }
                throw error(for: response, context: context)
            }
            guard let page = S3ListObjectsPage(body: response.body, urlEncodedKeys: true) else {
                throw TenantError(.storeBadResponse, "\(context): the answer is not a ListObjectsV2 result.")
            }
            for key in page.keys {
                guard key.hasPrefix(fullPrefix) else {
                    throw TenantError(
                        .storeBadResponse,
                        "\(context): the answer lists \(ObjectKey.quote(key)), outside the prefix."
                    )
                }
                keys.append(String(key.dropFirst(configuration.keyPrefix.count)))
            }
            guard page.isTruncated else { return keys.sorted() }
            guard let next = page.nextContinuationToken, !next.isEmpty, seenTokens.insert(next).inserted else {
                throw TenantError(
                    .storeBadResponse,
                    "\(context): a truncated page has no new continuation token."
                )
            }
            token = next
        }
        throw TenantError(
            .storeBadResponse,
            "\(context): more than \(Self.maxListPages) pages; list a narrower prefix."
        )
    }
}
