import BERSLifecycle
import ServiceLifecycle

extension ReloadingBERSProvider: Service {
    /// Watches the config directory until graceful shutdown or cancellation, then stops the live
    /// configuration (as ``BERSLifecycle/LiveConfigurationService`` does).
    ///
    /// - Throws: ``BERS/ConfigError`` when a directory cannot be watched.
    public func run() async throws {
        try await LiveConfigurationService(live).run()
    }
}
