import BERS
import Synchronization

/// What a tenant document must pass before it is served: the tenant schema and rules of the
/// served configuration's current generation, compiled once per generation.
final class TenantAcceptance: Sendable {
    private let live: LiveConfiguration
    private let compiled = Mutex<(generation: Int, validator: TenantValidator)?>(nil)

    /// Checks documents against the generation `live` serves.
    init(live: LiveConfiguration) { self.live = live }

    /// `nil` when `document` may be served, else why not (`tenant.invalid-document`).
    func check(_ document: TenantDocument) -> TenantError? {
        guard let validator = validator() else { return nil }
        return validator.documentCheck(document)
    }

    /// The current generation's validator; `nil` when it cannot be compiled (a generation is only
    /// applied when it can, so this is a race with a reload, and the document is accepted).
    private func validator() -> TenantValidator? {
        let generation = live.current
        if let known = compiled.withLock({ $0 }), known.generation == generation.number { return known.validator }
        guard let validator = try? generation.project.tenantValidator() else { return nil }
        compiled.withLock { $0 = (generation.number, validator) }
        return validator
    }
}
