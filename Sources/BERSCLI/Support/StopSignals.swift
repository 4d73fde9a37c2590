import Foundation

/// Calls a handler once on SIGINT or SIGTERM instead of the default (ending the process), so a
/// long-running command can stop cleanly and exit 0.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    /// Catches SIGINT and SIGTERM until ``cancel()``, calling `handler` on each.
    init(_ handler: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM]
            .map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler(handler: handler)
                source.resume()
                return source
            }
    }

    /// Stops catching the signals (their default action applies again).
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
