extension Bench {
    /// The tenant the tenant operations read, from the project's store.
    func tenantTarget() async -> TenantTarget {
        await TenantTarget.find(in: tenantStore, settings: project.settings.tenants)
    }

    /// The tenant read through the store by its repository: mapping, then document, no cache.
    func measureColdTenant(_ target: TenantTarget) async -> Outcome {
        guard case .ready(let repository, let hash) = target else { return skipped(target) }
        return .measured(
            await stopwatch.measureAsync(BenchOperation.tenantCold.rawValue) { _ in
                consume(try await repository.load(hash))
            }
        )
    }

    /// The tenant answered by a ``TenantCache`` that already holds it.
    func measureCachedTenant(_ target: TenantTarget) async -> Outcome {
        guard case .ready(let repository, let hash) = target else { return skipped(target) }
        // The cache keeps its own clock: the bench's clock times calls and nothing else.
        let cache = TenantCache(
            repository: repository,
            options: project.settings.tenants.cache,
            clock: SystemMonotonicClock()
        )
        return .measured(
            await stopwatch.measureAsync(BenchOperation.tenantCached.rawValue) { _ in
                consume(try await cache.get(hash))
            }
        )
    }

    private func skipped(_ target: TenantTarget) -> Outcome {
        if case .unavailable(let reason) = target { return .skipped(reason) }
        return .skipped("no tenant")
    }
}
