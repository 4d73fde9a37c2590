import BERS
import Configuration

extension ReloadingBERSProvider {
    /// Gives the value at `key` now, then again each time an applied reload changes it (or
    /// whether it can be read); refused and unchanged reloads give nothing.
    ///
    /// Ends when `updatesHandler` returns. Updates stop when the live configuration stops.
    nonisolated(nonsending) public func watchValue<Return: ~Copyable>(
        forKey key: AbsoluteConfigKey,
        type: ConfigType,
        updatesHandler:
            nonisolated(nonsending) (ConfigUpdatesAsyncSequence<Result<LookupResult, any Error>, Never>) async throws ->
            Return
    ) async throws -> Return {
        // Subscribe before reading, so a generation applied in between is not missed.
        let events = live.events()
        let (updates, continuation) = AsyncStream<Result<LookupResult, any Error>>
            .makeStream(bufferingPolicy: .bufferingNewest(1))
        let first = lookup(key, type)
        continuation.yield(first)
        let forwarding = Task {
            var last = first
            for await event in events where event.isApplied {
                let next = lookup(key, type)
                guard Self.differ(last, next) else { continue }
                continuation.yield(next)
                last = next
            }
        }
        defer { forwarding.cancel() }
        return try await updatesHandler(ConfigUpdatesAsyncSequence(updates))
    }

    /// Gives the current snapshot now, then the snapshot of each generation applied later.
    ///
    /// Ends when `updatesHandler` returns. Updates stop when the live configuration stops.
    nonisolated(nonsending) public func watchSnapshot<Return: ~Copyable>(
        updatesHandler:
            nonisolated(nonsending) (ConfigUpdatesAsyncSequence<any ConfigSnapshot, Never>) async throws -> Return
    ) async throws -> Return {
        let events = live.events()
        let (updates, continuation) = AsyncStream<any ConfigSnapshot>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let first = current()
        continuation.yield(first.snapshot)
        let forwarding = Task {
            var number = first.generation.number
            for await event in events where event.isApplied {
                let next = current()
                guard next.generation.number > number else { continue }
                continuation.yield(next.snapshot)
                number = next.generation.number
            }
        }
        defer { forwarding.cancel() }
        return try await updatesHandler(ConfigUpdatesAsyncSequence(updates))
    }

    /// The current value at `key`, or the error reading it gave.
    private func lookup(_ key: AbsoluteConfigKey, _ type: ConfigType) -> Result<LookupResult, any Error> {
        Result { try value(forKey: key, type: type) }
    }

    /// Whether two reads differ: in value, or in succeeding (two failures are alike).
    private static func differ(_ old: Result<LookupResult, any Error>, _ new: Result<LookupResult, any Error>) -> Bool {
        switch (old, new) {
        case (.success(let lhs), .success(let rhs)): lhs != rhs
        case (.failure, .failure): false
        default: true
        }
    }
}

extension ReloadEvent {
    /// Whether a new generation became current.
    fileprivate var isApplied: Bool {
        if case .applied = self { return true }
        return false
    }
}
