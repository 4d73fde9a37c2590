import Logging
import Synchronization

/// The lines a logger was given, kept for a test to read.
public final class RecordedLog: Sendable {
    /// One line: its level, message and metadata.
    public struct Line: Sendable {
        /// The level it was logged at.
        public let level: Logger.Level
        /// The message.
        public let message: String
        /// The handler's and the call's metadata, as text.
        public let metadata: [String: String]

        /// The line as a log handler would print it, for checks that a value appears nowhere.
        public var text: String {
            ([message] + metadata.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }).joined(separator: " ")
        }
    }

    private let lines = Mutex<[Line]>([])

    /// An empty log.
    public init() {}

    /// A logger whose lines are kept here.
    public var logger: Logger {
        var logger = Logger(label: "bers.test") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    /// The lines at `.warning`, in order.
    public var warnings: [Line] { lines.withLock { $0.filter { $0.level == .warning } } }

    /// Every line, in order.
    public var all: [Line] { lines.withLock { $0 } }

    fileprivate func append(_ line: Line) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: RecordedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append(
                Line(
                    level: event.level,
                    message: event.message.description,
                    metadata: merged.mapValues { $0.description }
                )
            )
        }
    }
}
