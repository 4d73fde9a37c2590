import BERS

/// What the encrypted values of one file are bound to, for a rotation (``SecretRotation``).
///
/// An environment's own layers (`<env>.*`, `<env>.local.*`) hold only its values, and an
/// ancestor's `<ancestor>.*` only the ancestor's: ``only(_:)``. The layers every environment
/// reads (`default.*`, `local.*`) hold values sealed for any environment:
/// ``shared(environment:others:)`` re-seals those the environment opens and leaves the values of
/// the others. A tenant document's values are bound to the tenant, or to
/// the environment: ``tenant(_:environment:)``.
public struct RotationScope: Sendable, Hashable {
    /// The contexts a value is re-sealed for, tried in order: it is re-sealed for the first one it
    /// opens for.
    public var contexts: [SecretContext]
    /// The contexts of values that belong to someone else: a value that opens for none of
    /// ``contexts`` but for one of these is left as it is (and reported).
    public var others: [SecretContext]
    /// Whether a value sealed with a key that is not loaded is left as it is (and reported)
    /// instead of stopping the rotation: in a shared layer it can only be another environment's
    /// value, sealed with that environment's key, since every value the environment's loaded keys
    /// seal opens with them.
    public var leavesUnknownKeys: Bool

    /// A scope with these fields.
    public init(contexts: [SecretContext], others: [SecretContext] = [], leavesUnknownKeys: Bool = false) {
        self.contexts = contexts
        self.others = others
        self.leavesUnknownKeys = leavesUnknownKeys
    }

    /// Every value is bound to `context`; one that does not open stops the rotation.
    public static func only(_ context: SecretContext) -> RotationScope {
        RotationScope(contexts: [context])
    }

    /// A layer shared by every environment (`default.*`, `local.*`): the values `environment`
    /// opens are re-sealed; those of the environments `others` and those sealed with a key that is
    /// not loaded are left; a value a loaded key seals that opens for no environment stops the
    /// rotation.
    public static func shared(environment: String, others: [String]) -> RotationScope {
        RotationScope(
            contexts: [SecretContext(environment: environment)],
            others: others.filter { $0 != environment }.map { SecretContext(environment: $0) },
            leavesUnknownKeys: true
        )
    }

    /// A tenant document: values bound to `tenant` (then the environment, for values sealed
    /// without `--tenant`) are re-sealed for the context they open for.
    public static func tenant(_ tenant: String, environment: String) -> RotationScope {
        RotationScope(contexts: [
            SecretContext(environment: environment, tenant: tenant), SecretContext(environment: environment),
        ])
    }
}
