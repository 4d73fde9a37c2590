import BERS
import BERSJSON
import Synchronization

/// One environment the server serves: its live configuration, the last reload it reported, and
/// the state of its current generation.
final class EnvironmentService: Sendable {
    /// The live configuration, watching its files.
    let live: LiveConfiguration
    private let tenantCache: TenantCache?
    private let state: Mutex<GenerationState?> = Mutex(nil)
    private let lastReload: Mutex<ReloadEvent?> = Mutex(nil)

    /// Serves `live`, reading tenants through `tenantCache`; records every reload event until
    /// the live configuration stops.
    init(live: LiveConfiguration, tenantCache: TenantCache?) {
        self.live = live
        self.tenantCache = tenantCache
        let events = live.events()
        Task { [weak self] in
            for await event in events { self?.lastReload.withLock { $0 = event } }
        }
    }

    /// The environment served.
    var environment: Environment { live.current.configuration.environment }

    /// The last reload (applied, unchanged or refused), if any since the start.
    var lastReloadEvent: ReloadEvent? { lastReload.withLock { $0 } }

    /// The state of the current generation, built on the first request after a reload.
    ///
    /// - Throws: ``ConfigError`` when the generation's tenant runtime or legacy defaults cannot
    ///   be loaded.
    func current() throws(ConfigError) -> GenerationState {
        let generation = live.current
        if let state = state.withLock({ $0 }), state.generation === generation { return state }
        let fresh = try GenerationState(generation: generation, tenantCache: tenantCache)
        return state.withLock { state in
            // Another request may have built it meanwhile: keep one.
            if let existing = state, existing.generation === generation { return existing }
            state = fresh
            return fresh
        }
    }
}
