import Logging
import Metrics

/// What an ``EtcdFeed`` tells operators: one log line per change of health (not per retry), and
/// the metrics `bers_feed_connected`, `bers_feed_revision`, `bers_feed_reconnects_total` and
/// `bers_feed_resyncs_total`, labelled with the store (`etcd://host:port/prefix`, no secrets).
struct EtcdFeedReporter: Sendable {
    private let logger: Logger?
    private let source: String
    private let connected: Gauge
    private let revision: Gauge
    private let reconnects: Counter
    private let resyncs: Counter

    /// A reporter for the feed of `source`.
    init(source: String, logger: Logger?, metrics: any MetricsFactory) {
        self.logger = logger
        self.source = source
        let dimensions = [("source", source)]
        connected = Gauge(label: "bers_feed_connected", dimensions: dimensions, factory: metrics)
        revision = Gauge(label: "bers_feed_revision", dimensions: dimensions, factory: metrics)
        reconnects = Counter(label: "bers_feed_reconnects_total", dimensions: dimensions, factory: metrics)
        resyncs = Counter(label: "bers_feed_resyncs_total", dimensions: dimensions, factory: metrics)
    }

    /// The first read succeeded and the watch starts.
    func started(at revision: Int64) {
        connected.record(1)
        self.revision.record(Double(revision))
        logger?.info("following \(source) from revision \(revision)")
    }

    /// The watch was lost (reported once per outage).
    func disconnected(_ reason: String) {
        connected.record(0)
        let reason = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        logger?.warning("lost the watch of \(source): \(reason); serving the last good copy, reconnecting with backoff")
    }

    /// The watch is back after an outage.
    func reconnected(at revision: Int64) {
        connected.record(1)
        reconnects.increment()
        logger?.notice("watching \(source) again, resuming after revision \(revision)")
    }

    /// etcd compacted the revisions the feed needed; everything was read again.
    func resynced(at revision: Int64) {
        resyncs.increment()
        self.revision.record(Double(revision))
        logger?
            .notice(
                "\(source) compacted the revisions this instance needed; read everything again at revision \(revision)"
            )
    }

    /// Changes up to `revision` were applied.
    func applied(upTo revision: Int64) {
        self.revision.record(Double(revision))
    }
}
