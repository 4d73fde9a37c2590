import BERS

/// How long a rendered response may be written by the fast path: while the generation it was
/// rendered from is current, and for tenant routes at most `lifetimeNanoseconds`.
struct HotValidity: Sendable {
    /// Whether the generation is still the one served.
    let isCurrent: @Sendable () -> Bool
    /// The longest time it stays valid (tenant documents follow their cache), or `nil`.
    let lifetimeNanoseconds: UInt64?

    /// Valid while `service` serves `state`'s generation.
    static func generation(_ state: GenerationState, of service: EnvironmentService, lifetime: UInt64? = nil)
        -> HotValidity
    {
        let generation = state.generation
        let live = service.live
        return HotValidity(isCurrent: { live.current === generation }, lifetimeNanoseconds: lifetime)
    }

    /// A tenant response's lifetime: one second, so a tenant document is revalidated by the
    /// full path at least once a second per target (and at once after `invalidate`).
    static let tenantLifetime: UInt64 = 1_000_000_000
}

/// A route's response, and how long the fast path may reuse it (`nil`: never).
struct RouteAnswer: Sendable {
    let response: RenderedResponse
    let validity: HotValidity?

    init(_ response: RenderedResponse, validity: HotValidity? = nil) {
        self.response = response
        self.validity = validity
    }
}
