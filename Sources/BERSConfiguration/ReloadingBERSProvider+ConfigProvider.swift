import BERS
import Configuration

extension ReloadingBERSProvider: ConfigProvider {
    /// `ReloadingBERSProvider[<environment>]`, the environment of the current generation.
    public var providerName: String { current().snapshot.providerName }

    /// The value at `key` in the current generation (see ``BERSConfigSnapshot/value(forKey:type:)``).
    public func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        try current().snapshot.value(forKey: key, type: type)
    }

    /// Reloads the files now (``BERS/LiveConfiguration/reload()``), then reads the value: a valid
    /// edit not yet seen by the watcher is applied first, an invalid one is refused and the
    /// current generation answers.
    public func fetchValue(forKey key: AbsoluteConfigKey, type: ConfigType) async throws -> LookupResult {
        live.reload()
        return try value(forKey: key, type: type)
    }

    /// The current generation's snapshot.
    public func snapshot() -> any ConfigSnapshot { current().snapshot }
}
