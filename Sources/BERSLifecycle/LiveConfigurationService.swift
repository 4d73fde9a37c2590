import BERS
import ServiceLifecycle

/// A ``BERS/LiveConfiguration`` as a swift-service-lifecycle `Service`: it follows the files
/// while the service group runs, and stops watching on graceful shutdown or cancellation.
///
/// ```swift
/// let live = try LiveConfiguration(directory: "config", environment: .production)
/// let group = ServiceGroup(
///     services: [LiveConfigurationService(live), server],
///     gracefulShutdownSignals: [.sigterm, .sigint],
///     logger: logger
/// )
/// try await group.run()
/// ```
///
/// `run()` returns once the watcher's thread and descriptors are released and every
/// ``BERS/LiveConfiguration/events()`` stream has ended.
public struct LiveConfigurationService: Service {
    /// The configuration this service keeps current.
    public let live: LiveConfiguration

    /// A service following `live`'s files (watching starts in ``run()`` unless it has already).
    public init(_ live: LiveConfiguration) {
        self.live = live
    }

    /// Watches until graceful shutdown or cancellation.
    ///
    /// - Throws: ``BERS/ConfigError`` when a directory cannot be watched.
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await live.run()
        }
    }
}
