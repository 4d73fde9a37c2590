/// What a reload of a ``LiveConfiguration`` did.
public enum ReloadEvent: Sendable {
    /// A new generation became current.
    case applied(AppliedReload)
    /// The files resolve to the configuration that is current already (a save without changes).
    case unchanged(generation: Int)
    /// The files do not resolve to a valid configuration: the current generation stays.
    case refused(RefusedReload)

    /// The result label of the `bers_reloads_total` metric: `applied`, `unchanged` or `refused`.
    public var result: String {
        switch self {
        case .applied: "applied"
        case .unchanged: "unchanged"
        case .refused: "refused"
        }
    }
}

/// A reload that made a new generation current.
public struct AppliedReload: Sendable {
    /// The new current generation.
    public let generation: ConfigurationGeneration
    /// The number of the generation it replaced.
    public let previous: Int
    /// Every changed leaf, with old and new values and where the new value is written.
    public let changes: [ConfigurationChange]
}

/// A reload whose result was not applied.
public struct RefusedReload: Sendable {
    /// The generation that stays current.
    public let keptGeneration: Int
    /// Why: the error `bers resolve` would print (located, with one detail line per schema failure).
    public let error: ConfigError
    /// When the reload ran.
    public let at: UTCTimestamp
}
