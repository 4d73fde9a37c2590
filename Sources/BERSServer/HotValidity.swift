import BERS

/// How long the fast path may write a rendered response: while the generation it was rendered
/// from is current and, for a tenant's document, while the tenant cache still holds the same
/// version of it, fresh.
struct HotValidity: Sendable {
    /// Whether the response still says what the full path would say now.
    let isCurrent: @Sendable () -> Bool

    /// Valid while `service` serves `state`'s generation.
    static func generation(_ state: GenerationState, of service: EnvironmentService) -> HotValidity {
        let generation = state.generation
        let live = service.live
        return HotValidity { live.current === generation }
    }

    /// Valid while `service` serves `state`'s generation and `cache` holds `document` fresh: an
    /// expiry, an invalidation or a newer version ends it, whatever order requests finish in.
    static func tenant(
        _ document: TenantDocument,
        in cache: TenantCache,
        _ state: GenerationState,
        of service: EnvironmentService
    ) -> HotValidity {
        let generation = state.generation
        let live = service.live
        let (hash, etag, key) = (document.hash, document.etag, document.key)
        return HotValidity {
            guard live.current === generation, let cached = cache.freshDocument(hash) else { return false }
            return cached.etag == etag && cached.key == key
        }
    }
}
